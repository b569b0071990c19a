import { and, eq, isNull } from "drizzle-orm";
import { apiToken } from "../../db/schema/api-token.ts";
import { type Database as Db } from "../../db/open-database.ts";

/** Revokes a token at once (the next request with it answers 401). False when it was not active. */
export async function revokeApiToken(db: Db, id: string, revokedBy: string): Promise<boolean> {
  const revoked = await db
    .update(apiToken)
    .set({ revokedAt: new Date(), revokedBy })
    .where(and(eq(apiToken.id, id), isNull(apiToken.revokedAt)))
    .returning({ id: apiToken.id });
  return revoked.length > 0;
}
