import { LOCAL_OUTBOX_TOKEN } from "@studio/middleware";
import { eq } from "drizzle-orm";
import { type Database as Db } from "../db/open-database.ts";
import { apiToken } from "../db/schema/api-token.ts";
import { OUTBOX_SCOPES, TOKEN_SCOPES } from "./api-tokens/token-scopes.ts";
import { tokenHash } from "./api-tokens/token-hash.ts";
import { type StudioAuth } from "./create-studio-auth.ts";
import { seedDevAdmin, type DevAdmin } from "./seed-dev-admin.ts";

export type DevAccess = {
  /** The local admin; undefined where deployed (env.ts), and then nothing at all is created. */
  admin: DevAdmin | undefined;
  /** STUDIO_DEV_API_TOKEN: a token with every scope, for scripts and test suites. */
  apiToken?: string | undefined;
};

/**
 * What `./pnpm dev` needs to work at once, on a developer machine only: the local admin, the
 * outbox token the worker and the AI app send by default (LOCAL_OUTBOX_TOKEN, public, outbox scopes
 * only) and, when STUDIO_DEV_API_TOKEN is set, a token with every scope. Safe to run at every start.
 */
export async function seedDevAccess(auth: StudioAuth, db: Db, access: DevAccess): Promise<{ admin: "seeded" | "present" | "skipped"; tokens: string[] }> {
  const admin = await seedDevAdmin(auth, db, access.admin);
  if (!access.admin) return { admin, tokens: [] };
  const tokens: Array<{ id: string; name: string; token: string; scopes: string[] }> = [{ id: "dev-local-outbox", name: "local worker and AI app (dev only)", token: LOCAL_OUTBOX_TOKEN, scopes: [...OUTBOX_SCOPES] }];
  if (access.apiToken) tokens.push({ id: "dev-api-token", name: "STUDIO_DEV_API_TOKEN (dev only)", token: access.apiToken, scopes: [...TOKEN_SCOPES] });
  for (const t of tokens) {
    const hash = tokenHash(t.token);
    const [existing] = await db.select({ id: apiToken.id }).from(apiToken).where(eq(apiToken.tokenHash, hash)).limit(1);
    if (existing) continue;
    // Another value of STUDIO_DEV_API_TOKEN than last time: the new one replaces the old row.
    await db.delete(apiToken).where(eq(apiToken.id, t.id));
    await db.insert(apiToken).values({ id: t.id, name: t.name, tokenHash: hash, start: t.token.slice(0, 11), scopes: t.scopes, createdBy: null });
  }
  return { admin, tokens: tokens.map((t) => t.name) };
}
