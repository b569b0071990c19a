"use server";

import { markInvoicePaidForm } from "../forms/definitions/mark-invoice-paid.ts";
import { type FormState } from "../forms/form-state.ts";
import { guardAction } from "../auth/guard-action.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Mark invoice paid" form: operators and admins only (access-rules.ts). */
export const markInvoicePaid = guardAction("markInvoicePaid", (user, _previous: FormState, formData: FormData): Promise<FormState> =>
  runFormAction(user, markInvoicePaidForm, formData, "paid"),
);
