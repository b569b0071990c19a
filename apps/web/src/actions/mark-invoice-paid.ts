"use server";

import { markInvoicePaidForm } from "../forms/definitions/mark-invoice-paid.ts";
import { type FormState } from "../forms/form-state.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Mark invoice paid" form. */
export async function markInvoicePaid(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(markInvoicePaidForm, formData, "paid");
}
