import { type FieldSpec } from "../field-spec.ts";
import { currencyOptions } from "./currencies.ts";
import { decisionField } from "./decision-field.ts";

export function briefFields(briefId: string): FieldSpec[] {
  return [
    { name: "briefId", label: "Brief id", type: "hidden", defaultValue: briefId },
    { name: "title", label: "Title", required: true, hint: "Up to 120 characters." },
    { name: "clientId", label: "Client id", required: true, half: true, placeholder: "client_acme" },
    { name: "dueDate", label: "Due date", type: "date", required: true, half: true },
    { name: "budget.amount", label: "Budget", required: true, half: true, inputMode: "decimal", placeholder: "12500.00", hint: "Amount in the currency, e.g. 12500 or 12500.50." },
    { name: "budget.currency", label: "Currency", type: "select", required: true, half: true, options: currencyOptions, defaultValue: "EUR" },
    { name: "encrypted.contactName", label: "Client contact name", required: true, half: true, autoComplete: "name" },
    { name: "encrypted.contactEmail", label: "Client contact email", type: "email", required: true, half: true, inputMode: "email", autoComplete: "email" },
    { name: "encrypted.description", label: "Description", type: "textarea", required: true, hint: "What the client asks for. Contact details and this text are encrypted before they leave the app." },
  ];
}

export function approveFields(briefId: string): FieldSpec[] {
  return [
    { name: "briefId", label: "Brief id", type: "hidden", defaultValue: briefId },
    decisionField(),
  ];
}

export function withdrawFields(briefId: string): FieldSpec[] {
  return [
    { name: "briefId", label: "Brief id", type: "hidden", defaultValue: briefId },
    { name: "reason", label: "Reason", type: "textarea", hint: "Up to 500 characters." },
    decisionField(),
  ];
}

/** The "Edit brief" form, filled with the brief as it stands; `revision` is the next one. */
export function editFields(briefId: string, revision: number, current: { title?: string; description: string }): FieldSpec[] {
  return [
    { name: "briefId", label: "Brief id", type: "hidden", defaultValue: briefId },
    { name: "revision", label: "Revision", type: "hidden", defaultValue: String(revision) },
    { name: "encrypted.title", label: "Title", defaultValue: current.title ?? "", hint: "Optional, up to 120 characters. Leave blank to keep the title as it is." },
    {
      name: "encrypted.description",
      label: "Description",
      type: "textarea",
      required: true,
      defaultValue: current.description,
      hint: "Up to 5000 characters. Encrypted before it leaves the app; the AI app analyses the brief again.",
    },
  ];
}
