import { type Route } from "next";
import { forbidden, redirect } from "next/navigation";
import { accessRules, type PagePath } from "./access-rules.ts";
import { type SessionUser } from "./actor.ts";
import { checkUserAccess } from "./check-access.ts";
import { currentUser } from "./current-user.ts";

/**
 * The first line of every page: signed out, it redirects to the sign-in page (and back after);
 * signed in without the page's role (access-rules.ts), it answers 403. Returns the user.
 */
export async function requirePage(page: Exclude<PagePath, "/sign-in">, returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  const decision = checkUserAccess(accessRules.pages[page], user);
  if (!decision.ok && decision.status === 401) redirect(`/sign-in?next=${encodeURIComponent(returnTo ?? page)}` as Route);
  if (!decision.ok || !user) forbidden();
  return user;
}
