"use server";

import { withdrawBriefForm } from "../forms/definitions/withdraw-brief.ts";
import { type FormState } from "../forms/form-state.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Withdraw brief" form. */
export async function withdrawBrief(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(withdrawBriefForm, formData, "withdrawn");
}
