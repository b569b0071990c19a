import { eq } from "drizzle-orm";
import { fixtures } from "@studio/events/fixtures";
import { createSealer, DEV_ONLY_ENCRYPTION_KEY } from "@studio/middleware";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRevealer } from "../../crypto/create-revealer.ts";
import { invoices } from "../../db/schema/index.ts";
import { type OpenDatabase } from "../../db/open-database.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { projectInvoiceIssued } from "./project-invoice-issued.ts";
import { projectInvoicePaid } from "./project-invoice-paid.ts";

const seal = createSealer([DEV_ONLY_ENCRYPTION_KEY]);
const t0 = Date.parse("2026-11-25T10:00:00Z");
const input = <T>(id: string, name: string, data: T, seconds = 0) => ({ id, name, ts: t0 + seconds * 1000, data });
const issued = fixtures.invoiceIssued.valid[0];

let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase();
});
afterAll(() => open.close());
const row = async (invoiceId: string) => (await open.db.select().from(invoices).where(eq(invoices.invoiceId, invoiceId)))[0];

describe("invoice projections", () => {
  it("keep a payment that arrives before the invoice, and the newest of two payment decisions", async () => {
    const invoiceId = "inv-early-payment";
    await projectInvoicePaid(open.db, input("p2", "studio/invoice.paid", { invoiceId, paidAt: "2026-11-26T09:00:00Z", decisionId: "d2" }, 20));
    await projectInvoicePaid(open.db, input("p1", "studio/invoice.paid", { invoiceId, paidAt: "2026-11-25T09:00:00Z", decisionId: "d1" }, 10));
    expect(await row(invoiceId)).toMatchObject({ status: "paid", paymentDecisionId: "d2", paidAt: new Date("2026-11-26T09:00:00Z"), clientId: null });
    await projectInvoiceIssued(open.db, seal, input("i", "studio/invoice.issued", { ...issued, invoiceId }, 1));
    const stored = await row(invoiceId);
    expect(stored).toMatchObject({ status: "paid", clientId: issued.clientId, total: issued.total });
    expect((await createRevealer({})(stored?.personal)).value).toEqual(issued.encrypted);
  });
});
