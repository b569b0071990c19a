"use server";

import { issueInvoiceForm } from "../forms/definitions/issue-invoice.ts";
import { type FormState } from "../forms/form-state.ts";
import { guardAction } from "../auth/guard-action.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Issue invoice" form: operators and admins only (access-rules.ts). */
export const issueInvoice = guardAction("issueInvoice", (user, _previous: FormState, formData: FormData): Promise<FormState> =>
  runFormAction(user, issueInvoiceForm, formData, "issued"),
);
