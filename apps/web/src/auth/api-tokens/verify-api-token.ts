import { eq } from "drizzle-orm";
import { apiToken } from "../../db/schema/api-token.ts";
import { type Database as Db } from "../../db/open-database.ts";
import { tokenHash } from "./token-hash.ts";

export type TokenCheck =
  | { ok: true; token: { id: string; name: string; scopes: string[] } }
  | { ok: false; status: 401 | 403; error: string };

/** The bearer token of `Authorization: Bearer <token>`, if the header has that form. */
export function bearerToken(headers: Headers): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match?.[1];
}

/**
 * Checks the request's API token for `scope`: 401 when there is none or it is unknown or revoked,
 * 403 when it exists but is not allowed this scope. Notes when a valid token was last used.
 */
export async function verifyApiToken(db: Db, headers: Headers, scope: string): Promise<TokenCheck> {
  const presented = bearerToken(headers);
  if (!presented) {
    return { ok: false, status: 401, error: "This route is for machines: send an API token as `Authorization: Bearer <token>` (an admin creates one on the Admin page)." };
  }
  const [row] = await db.select().from(apiToken).where(eq(apiToken.tokenHash, tokenHash(presented))).limit(1);
  if (!row || row.revokedAt) return { ok: false, status: 401, error: "The API token is unknown or revoked; ask an admin for a new one." };
  if (!row.scopes.includes(scope)) {
    return { ok: false, status: 403, error: `The API token "${row.name}" may not do ${scope}; it is allowed: ${row.scopes.join(", ")}.` };
  }
  await db.update(apiToken).set({ lastUsedAt: new Date() }).where(eq(apiToken.id, row.id));
  return { ok: true, token: { id: row.id, name: row.name, scopes: row.scopes } };
}
