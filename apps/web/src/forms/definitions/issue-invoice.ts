import { invoiceIssued } from "@studio/events";
import { type StudioForm } from "../studio-form.ts";

export const issueInvoiceForm = {
  event: invoiceIssued,
  fields: [
    { name: "invoiceId", kind: "text" },
    { name: "clientId", kind: "text" },
    { name: "projectId", kind: "optional" },
    { name: "total.amount", kind: "money" },
    { name: "total.currency", kind: "text" },
    { name: "dueDate", kind: "text" },
    { name: "encrypted.billingName", kind: "text" },
    { name: "encrypted.billingEmail", kind: "text" },
  ],
} satisfies StudioForm<typeof invoiceIssued>;
