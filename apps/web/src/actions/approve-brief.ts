"use server";

import { approveBriefForm } from "../forms/definitions/approve-brief.ts";
import { type FormState } from "../forms/form-state.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Approve brief" form. */
export async function approveBrief(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(approveBriefForm, formData, "approved");
}
