"use server";

import { withdrawBriefForm } from "../forms/definitions/withdraw-brief.ts";
import { type FormState } from "../forms/form-state.ts";
import { guardAction } from "../auth/guard-action.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Withdraw brief" form: operators and admins only (access-rules.ts). */
export const withdrawBrief = guardAction("withdrawBrief", (user, _previous: FormState, formData: FormData): Promise<FormState> =>
  runFormAction(user, withdrawBriefForm, formData, "withdrawn"),
);
