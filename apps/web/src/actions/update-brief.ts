"use server";

import { updateBriefForm } from "../forms/definitions/update-brief.ts";
import { type FormState } from "../forms/form-state.ts";
import { guardAction } from "../auth/guard-action.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Edit brief" form: operators and admins only (access-rules.ts). */
export const updateBrief = guardAction("updateBrief", (user, _previous: FormState, formData: FormData): Promise<FormState> =>
  runFormAction(user, updateBriefForm, formData, "updated"),
);
