"use server";

import { redirect } from "next/navigation";
import { appAuth } from "../auth/auth.ts";
import { requestHeaders } from "../auth/request-headers.ts";

/** Ends the caller's own session (if any) and goes to the sign-in page. */
export async function signOut(): Promise<void> {
  const [auth, headers] = await Promise.all([appAuth(), requestHeaders()]);
  if (await auth.api.getSession({ headers })) await auth.api.signOut({ headers });
  redirect("/sign-in");
}
