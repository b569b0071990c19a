"use server";

import { APIError } from "better-auth/api";
import { type Route } from "next";
import { redirect } from "next/navigation";
import { appAuth } from "../auth/auth.ts";
import { requestHeaders } from "../auth/request-headers.ts";
import { safeReturnPath } from "../auth/safe-return-path.ts";
import { formText } from "../forms/form-text.ts";

export type SignInState = { error?: string; email?: string };

/**
 * The sign-in form: email and password, or (with `provider`) the Google / GitHub redirect. Open to
 * anyone, as the way in; better-auth checks the password and sets the session cookie.
 */
export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const next = safeReturnPath(formData.get("next"));
  const provider = formData.get("provider");
  if (provider === "google" || provider === "github") {
    const { url } = await (await appAuth()).api.signInSocial({ body: { provider, callbackURL: next, errorCallbackURL: "/sign-in?error=oauth" }, headers: await requestHeaders() });
    if (!url) return { error: `${provider} sign-in is not available.` };
    redirect(url as Route);
  }
  const email = formText(formData, "email").trim();
  const password = formText(formData, "password");
  if (!email || !password) return { error: "Enter your email and password.", email };
  try {
    await (await appAuth()).api.signInEmail({ body: { email, password }, headers: await requestHeaders() });
  } catch (error) {
    if (error instanceof APIError) return { error: error.status === "FORBIDDEN" ? error.message : "Wrong email or password.", email };
    throw error;
  }
  redirect(next as Route);
}
