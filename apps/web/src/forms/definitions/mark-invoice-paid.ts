import { invoicePaid } from "@studio/events";
import { type StudioForm } from "../studio-form.ts";

/** A blank "paid at" means "now". */
export const markInvoicePaidForm = {
  event: invoicePaid,
  fields: [
    { name: "invoiceId", kind: "text" },
    { name: "paidAt", kind: "instant", defaultNow: true },
    { name: "decisionId", kind: "optional" },
  ],
} satisfies StudioForm<typeof invoicePaid>;
