"use server";

import { approveBriefForm } from "../forms/definitions/approve-brief.ts";
import { type FormState } from "../forms/form-state.ts";
import { guardAction } from "../auth/guard-action.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Approve brief" form: operators and admins only (access-rules.ts). */
export const approveBrief = guardAction("approveBrief", (user, _previous: FormState, formData: FormData): Promise<FormState> =>
  runFormAction(user, approveBriefForm, formData, "approved"),
);
