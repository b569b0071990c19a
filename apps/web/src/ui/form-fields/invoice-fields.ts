import { type FieldSpec } from "../field-spec.ts";
import { currencyOptions } from "./currencies.ts";
import { decisionField } from "./decision-field.ts";

export function invoiceFields(invoiceId: string, prefill: { clientId?: string; projectId?: string } = {}): FieldSpec[] {
  return [
    { name: "invoiceId", label: "Invoice id", type: "hidden", defaultValue: invoiceId },
    { name: "clientId", label: "Client id", required: true, half: true, defaultValue: prefill.clientId ?? "", placeholder: "client_acme" },
    { name: "projectId", label: "Project id", half: true, defaultValue: prefill.projectId ?? "" },
    { name: "total.amount", label: "Total", required: true, half: true, inputMode: "decimal", placeholder: "12500.00" },
    { name: "total.currency", label: "Currency", type: "select", required: true, half: true, options: currencyOptions, defaultValue: "EUR" },
    { name: "dueDate", label: "Due date", type: "date", required: true, half: true },
    { name: "encrypted.billingName", label: "Billing name", required: true, half: true },
    { name: "encrypted.billingEmail", label: "Billing email", type: "email", required: true, inputMode: "email" },
  ];
}

export function paidFields(invoiceId: string): FieldSpec[] {
  return [
    { name: "invoiceId", label: "Invoice id", type: "hidden", defaultValue: invoiceId },
    { name: "paidAt", label: "Paid at", type: "datetime-local", hint: "Leave empty for now." },
    decisionField(),
  ];
}
