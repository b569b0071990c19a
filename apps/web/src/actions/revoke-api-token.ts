"use server";

import { revalidatePath } from "next/cache";
import { type AdminFormState } from "../auth/admin-form-state.ts";
import { revokeApiToken as revoke } from "../auth/api-tokens/revoke-api-token.ts";
import { guardAction } from "../auth/guard-action.ts";
import { appDatabase } from "../db/app-database.ts";
import { formText } from "../forms/form-text.ts";

/** Admin page: revokes a token; its next request answers 401. */
export const revokeApiToken = guardAction("revokeApiToken", async (user, _previous: AdminFormState, formData: FormData): Promise<AdminFormState> => {
  const id = formText(formData, "tokenId");
  if (!id || !(await revoke(await appDatabase(), id, user.id))) return { status: "error", message: "No such active token (already revoked?)." };
  revalidatePath("/admin");
  return { status: "done", message: "Token revoked." };
});
