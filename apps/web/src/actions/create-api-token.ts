"use server";

import { revalidatePath } from "next/cache";
import { type AdminFormState } from "../auth/admin-form-state.ts";
import { createApiToken as mintApiToken } from "../auth/api-tokens/create-api-token.ts";
import { guardAction } from "../auth/guard-action.ts";
import { appDatabase } from "../db/app-database.ts";
import { formText } from "../forms/form-text.ts";

/** Admin page: mints an API token for the scopes ticked; the answer carries the token, shown once. */
export const createApiToken = guardAction("createApiToken", async (user, _previous: AdminFormState, formData: FormData): Promise<AdminFormState> => {
  const scopes = formData.getAll("scope").filter((s): s is string => typeof s === "string");
  try {
    const created = await mintApiToken(await appDatabase(), { name: formText(formData, "name"), scopes, createdBy: user.id });
    revalidatePath("/admin");
    return { status: "done", message: `Token "${created.name}" created for ${created.scopes.join(", ")}. Copy it now: it is not shown again.`, token: created.token };
  } catch (error) {
    return { status: "error", message: (error as Error).message };
  }
});
