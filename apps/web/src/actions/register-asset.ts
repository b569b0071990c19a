"use server";

import { registerAssetForm } from "../forms/definitions/register-asset.ts";
import { type FormState } from "../forms/form-state.ts";
import { guardAction } from "../auth/guard-action.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Register asset" form: operators and admins only (access-rules.ts). */
export const registerAsset = guardAction("registerAsset", (user, _previous: FormState, formData: FormData): Promise<FormState> =>
  runFormAction(user, registerAssetForm, formData, "registered"),
);
