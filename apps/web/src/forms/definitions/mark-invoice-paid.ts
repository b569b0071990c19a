import { invoicePaid } from "@studio/events";
import { type StudioForm } from "../studio-form.ts";

/** A blank "paid at" means "now". */
export const markInvoicePaidForm = {
  event: invoicePaid,
  fields: [
    { name: "invoiceId", kind: "text" },
    { name: "paidAt", kind: "instant", defaultNow: true },
  ],
} satisfies StudioForm<typeof invoicePaid>;
