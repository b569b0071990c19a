import { appAuth } from "../auth/auth.ts";
import { type Role } from "../auth/roles.ts";

export type TestUser = { id: string; email: string; name: string; role: Role; password: string; cookie: Headers };

/**
 * Creates a user with `role` through better-auth (as the Admin page does) and signs them in with
 * their password, returning request headers that carry their real session cookie.
 */
export async function signedIn(role: Role, name = `Test ${role}`): Promise<TestUser> {
  const email = `${role}-${Math.random().toString(36).slice(2, 10)}@studio.test`;
  const password = `pw-${role}-long-enough-1`;
  const { user } = await (await appAuth()).api.createUser({ body: { email, password, name, role } });
  const { headers } = await (await appAuth()).api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookie = new Headers({ cookie: sessionCookie(headers) });
  return { id: user.id, email, name, role, password, cookie };
}

/** The `cookie` request header a browser would send back for these `set-cookie` headers. */
export function sessionCookie(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}
