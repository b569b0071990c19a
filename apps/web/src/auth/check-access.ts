import { type Access } from "./access-rules.ts";
import { type SessionUser } from "./actor.ts";
import { roleGrants } from "./roles.ts";

export type AccessDecision = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** What a user-rule decides for `user` (undefined: signed out). Token rules are verifyApiToken's. */
export function checkUserAccess(rule: Access, user: SessionUser | undefined): AccessDecision {
  if (rule.who === "anyone" || rule.who === "inngest") return { ok: true };
  if (rule.who === "token") return { ok: false, status: 401, reason: "This is for machines with an API token, not for a browser session." };
  if (!user) return { ok: false, status: 401, reason: "Sign in first." };
  if (!roleGrants(user.role, rule.role)) {
    return { ok: false, status: 403, reason: `This needs the ${rule.role} role; ${user.email} is ${user.role ? `a ${user.role}` : "without a role"}. An admin can change it.` };
  }
  return { ok: true };
}
