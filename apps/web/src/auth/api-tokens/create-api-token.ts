import { randomBytes, randomUUID } from "node:crypto";
import { apiToken } from "../../db/schema/api-token.ts";
import { type Database as Db } from "../../db/open-database.ts";
import { tokenHash } from "./token-hash.ts";
import { unknownScopes } from "./token-scopes.ts";

/** Every token starts so; secret scanners and people can tell what it is. */
export const TOKEN_PREFIX = "studio_";

export type CreatedApiToken = { id: string; name: string; scopes: string[]; start: string; token: string };

/**
 * Mints a token for a machine (e.g. the payment provider's webhook) allowed exactly `scopes`.
 * Returns the token itself once; only its hash is stored, so it cannot be shown again.
 */
export async function createApiToken(db: Db, input: { name: string; scopes: readonly string[]; createdBy: string | null }): Promise<CreatedApiToken> {
  const name = input.name.trim();
  if (!name || name.length > 80) throw new Error("A token needs a name of 1 to 80 characters (e.g. \"payment provider\").");
  const unknown = unknownScopes(input.scopes);
  if (unknown.length > 0) throw new Error(`Unknown scope${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);
  if (input.scopes.length === 0) throw new Error("A token needs at least one scope: the events (or outbox) it may send.");
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = {
    id: randomUUID(),
    name,
    tokenHash: tokenHash(token),
    start: token.slice(0, TOKEN_PREFIX.length + 4),
    scopes: [...new Set(input.scopes)].sort(),
    createdBy: input.createdBy,
  };
  await db.insert(apiToken).values(row);
  return { id: row.id, name, scopes: row.scopes, start: row.start, token };
}
