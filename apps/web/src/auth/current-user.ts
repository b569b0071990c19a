import { cache } from "react";
import { appAuth } from "./auth.ts";
import { type SessionUser } from "./actor.ts";
import { requestHeaders } from "./request-headers.ts";
import { isRole } from "./roles.ts";

/**
 * The signed-in user of the request being served, checked against the session table; undefined
 * when signed out. Looked up once per request (React's cache) though the layout and the page ask.
 */
export const currentUser = cache(async (headers?: Headers): Promise<SessionUser | undefined> => {
  const auth = await appAuth();
  const session = await auth.api.getSession({ headers: headers ?? (await requestHeaders()) });
  if (!session) return undefined;
  const { id, name, email, role } = session.user;
  return { id, name, email, role: isRole(role) ? role : undefined };
});
