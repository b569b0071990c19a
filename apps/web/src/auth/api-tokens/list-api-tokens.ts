import { desc } from "drizzle-orm";
import { apiToken } from "../../db/schema/api-token.ts";
import { type Database as Db } from "../../db/open-database.ts";

export type ApiTokenSummary = {
  id: string;
  name: string;
  start: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Every token, newest first, without its hash: what the Admin page lists. */
export async function listApiTokens(db: Db): Promise<ApiTokenSummary[]> {
  return db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      start: apiToken.start,
      scopes: apiToken.scopes,
      createdAt: apiToken.createdAt,
      lastUsedAt: apiToken.lastUsedAt,
      revokedAt: apiToken.revokedAt,
    })
    .from(apiToken)
    .orderBy(desc(apiToken.createdAt));
}
