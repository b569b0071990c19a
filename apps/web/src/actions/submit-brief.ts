"use server";

import { submitBriefForm } from "../forms/definitions/submit-brief.ts";
import { type FormState } from "../forms/form-state.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "New brief" form. */
export async function submitBrief(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(submitBriefForm, formData, "submitted");
}
