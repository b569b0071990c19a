"use server";

import { APIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { appAuth } from "../auth/auth.ts";
import { type AdminFormState } from "../auth/admin-form-state.ts";
import { guardAction } from "../auth/guard-action.ts";
import { requestHeaders } from "../auth/request-headers.ts";
import { isRole } from "../auth/roles.ts";
import { formText } from "../forms/form-text.ts";

/** Admin page: changes a user's role (it applies to their next request). An admin cannot demote themselves. */
export const setUserRole = guardAction("setUserRole", async (user, _previous: AdminFormState, formData: FormData): Promise<AdminFormState> => {
  const userId = formText(formData, "userId");
  const role = formData.get("role");
  if (!userId || !isRole(role)) return { status: "error", message: "Pick a user and a role." };
  if (userId === user.id && role !== "admin") return { status: "error", message: "You cannot take away your own admin role; ask another admin." };
  try {
    await (await appAuth()).api.setRole({ body: { userId, role }, headers: await requestHeaders() });
  } catch (error) {
    if (error instanceof APIError) return { status: "error", message: `Not changed: ${error.message}` };
    throw error;
  }
  revalidatePath("/admin");
  return { status: "done", message: `Role set to ${role}.` };
});
