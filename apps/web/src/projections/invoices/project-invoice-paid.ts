import { type invoicePaid } from "@studio/events";
import { invoices } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type InputOf, type ProjectionOutcome } from "../projection-input.ts";
import { latest, newer, takeWhen } from "../upsert-rules.ts";

/**
 * studio/invoice.paid: when it was paid, by which decision. A deliberate second "paid" decision
 * (e.g. correcting the date) is a new event: the newest recorded one wins.
 */
export async function projectInvoicePaid(db: Database, event: InputOf<typeof invoicePaid>): Promise<ProjectionOutcome> {
  const { invoiceId, paidAt, decisionId } = event.data;
  return applyOnce(db, event, { kind: "invoice", id: invoiceId }, (tx, at) =>
    tx
      .insert(invoices)
      .values({ invoiceId, paidAt: new Date(paidAt), paymentDecisionId: decisionId ?? null, paymentRecordedAt: at, lastEventAt: at })
      .onConflictDoUpdate({
        target: invoices.invoiceId,
        set: {
          ...takeWhen(newer(invoices.paymentRecordedAt), {
            paidAt: invoices.paidAt,
            paymentDecisionId: invoices.paymentDecisionId,
            paymentRecordedAt: invoices.paymentRecordedAt,
          }),
          lastEventAt: latest(invoices.lastEventAt),
        },
      }),
  );
}
