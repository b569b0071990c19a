"use server";

import { updateBriefForm } from "../forms/definitions/update-brief.ts";
import { type FormState } from "../forms/form-state.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Edit brief" form. */
export async function updateBrief(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(updateBriefForm, formData, "updated");
}
