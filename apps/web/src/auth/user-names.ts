import { inArray } from "drizzle-orm";
import { type Database as Db } from "../db/open-database.ts";
import { authUser } from "../db/schema/auth-user.ts";

/** The display names of the given user ids (e.g. `approvedBy` of events); unknown ids are left out. */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: authUser.id, name: authUser.name }).from(authUser).where(inArray(authUser.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
