"use server";

import { APIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { appAuth } from "../auth/auth.ts";
import { type AdminFormState } from "../auth/admin-form-state.ts";
import { guardAction } from "../auth/guard-action.ts";
import { requestHeaders } from "../auth/request-headers.ts";
import { isRole } from "../auth/roles.ts";
import { formText } from "../forms/form-text.ts";

/**
 * Admin page: adds a user with a role. With a password they can sign in with it at once; without
 * one, only with Google or GitHub under the same email (account linking).
 */
export const createUser = guardAction("createUser", async (_user, _previous: AdminFormState, formData: FormData): Promise<AdminFormState> => {
  const email = formText(formData, "email").trim().toLowerCase();
  const name = formText(formData, "name").trim();
  const password = formText(formData, "password");
  const role = formData.get("role");
  if (!email || !name) return { status: "error", message: "Enter the person's name and email." };
  if (!isRole(role)) return { status: "error", message: "Pick a role: viewer, operator or admin." };
  if (password && password.length < 12) return { status: "error", message: "A password needs at least 12 characters (or leave it blank for Google / GitHub sign-in only)." };
  try {
    await (await appAuth()).api.createUser({ body: { email, name, role, ...(password ? { password } : {}) }, headers: await requestHeaders() });
  } catch (error) {
    if (error instanceof APIError) return { status: "error", message: `Not added: ${error.message}` };
    throw error;
  }
  revalidatePath("/admin");
  return { status: "done", message: `Added ${name} <${email}> as ${role}.` };
});
