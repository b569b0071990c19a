"use server";

import { issueInvoiceForm } from "../forms/definitions/issue-invoice.ts";
import { type FormState } from "../forms/form-state.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Issue invoice" form. */
export async function issueInvoice(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(issueInvoiceForm, formData, "issued");
}
