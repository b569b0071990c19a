/**
 * The console's roles, weakest first: each can do what the ones before it can.
 * - viewer: reads every page (decrypted client details included).
 * - operator: also sends events (submits, approves, marks paid …).
 * - admin: also manages users and API tokens.
 */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * Whether `actual` (the user's role column, as better-auth's admin plugin stores it) grants
 * `needed`. An unknown or missing role grants nothing, so a user row edited by hand to a typo is
 * locked out rather than let in.
 */
export function roleGrants(actual: unknown, needed: Role): boolean {
  if (!isRole(actual)) return false;
  return ROLES.indexOf(actual) >= ROLES.indexOf(needed);
}
