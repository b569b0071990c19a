"use server";

import { registerAssetForm } from "../forms/definitions/register-asset.ts";
import { type FormState } from "../forms/form-state.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Register asset" form. */
export async function registerAsset(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(registerAssetForm, formData, "registered");
}
