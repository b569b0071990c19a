import { and, asc, count, desc, eq, ilike, or } from "drizzle-orm";
import { type Database } from "../db/open-database.ts";
import { assets } from "../db/schema/index.ts";
import { itemPage, type ItemPage } from "./item-page.ts";
import { likePattern, PAGE_SIZE, type ListQuery } from "./list-query.ts";

export type AssetRow = typeof assets.$inferSelect;

/** Assets, newest upload first, filtered by status and by id, project or file name. */
export async function listAssets(db: Database, query: ListQuery, pageSize = PAGE_SIZE): Promise<ItemPage<AssetRow>> {
  const where = and(
    query.status ? eq(assets.status, query.status) : undefined,
    query.q
      ? or(ilike(assets.assetId, likePattern(query.q, "prefix")), ilike(assets.projectId, likePattern(query.q, "prefix")), ilike(assets.fileName, likePattern(query.q, "anywhere")))
      : undefined,
  );
  const [rows, totals] = await Promise.all([
    db.select().from(assets).where(where).orderBy(desc(assets.uploadedAt), asc(assets.assetId)).limit(pageSize).offset((query.page - 1) * pageSize),
    db.select({ total: count() }).from(assets).where(where),
  ]);
  return itemPage(rows, totals[0]?.total ?? 0, query.page, pageSize);
}
