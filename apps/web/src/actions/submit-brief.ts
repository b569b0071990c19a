"use server";

import { submitBriefForm } from "../forms/definitions/submit-brief.ts";
import { type FormState } from "../forms/form-state.ts";
import { guardAction } from "../auth/guard-action.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "New brief" form: operators and admins only (access-rules.ts). */
export const submitBrief = guardAction("submitBrief", (user, _previous: FormState, formData: FormData): Promise<FormState> =>
  runFormAction(user, submitBriefForm, formData, "submitted"),
);
