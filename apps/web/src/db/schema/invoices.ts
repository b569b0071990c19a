import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { Money } from "@studio/events";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** One row per invoice, kept by the invoice projections; each event fills its own columns (see briefs.ts). */
export const invoices = pgTable(
  "invoices",
  {
    invoiceId: text("invoice_id").primaryKey(),
    // studio/invoice.issued
    clientId: text("client_id"),
    projectId: text("project_id"),
    total: jsonb("total").$type<Money>(),
    dueDate: text("due_date"),
    /** Sealed `{ billingName, billingEmail }`. */
    personal: jsonb("personal"),
    issuedAt: at("issued_at"),
    // studio/invoice.paid: the newest decision wins
    paidAt: at("paid_at"),
    paymentDecisionId: text("payment_decision_id"),
    paymentRecordedAt: at("payment_recorded_at"),
    lastEventAt: at("last_event_at").notNull(),
    status: text("status")
      .notNull()
      .generatedAlwaysAs(sql`case when payment_recorded_at is not null then 'paid' when issued_at is not null then 'issued' else 'pending' end`),
  },
  (t) => [
    index("invoices_issued_idx").on(t.issuedAt.desc(), t.invoiceId),
    index("invoices_status_idx").on(t.status, t.issuedAt.desc()),
    index("invoices_client_idx").on(t.clientId, t.issuedAt.desc()),
  ],
);
