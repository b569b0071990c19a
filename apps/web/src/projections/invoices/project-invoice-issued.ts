import { type invoiceIssued } from "@studio/events";
import { invoices } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type InputOf, type ProjectionOutcome } from "../projection-input.ts";
import { type Seal } from "../seal.ts";
import { latest, takeWhen, unset } from "../upsert-rules.ts";

/** studio/invoice.issued: the invoice. Issued once (dedupe key): the first wins. */
export async function projectInvoiceIssued(db: Database, seal: Seal, event: InputOf<typeof invoiceIssued>): Promise<ProjectionOutcome> {
  const { invoiceId, clientId, projectId, total, dueDate, encrypted } = event.data;
  const personal = await seal(encrypted);
  return applyOnce(db, event, { kind: "invoice", id: invoiceId }, (tx, at) =>
    tx
      .insert(invoices)
      .values({ invoiceId, clientId, projectId: projectId ?? null, total, dueDate, personal, issuedAt: at, lastEventAt: at })
      .onConflictDoUpdate({
        target: invoices.invoiceId,
        set: {
          ...takeWhen(unset(invoices.issuedAt), {
            clientId: invoices.clientId,
            projectId: invoices.projectId,
            total: invoices.total,
            dueDate: invoices.dueDate,
            personal: invoices.personal,
            issuedAt: invoices.issuedAt,
          }),
          lastEventAt: latest(invoices.lastEventAt),
        },
      }),
  );
}
