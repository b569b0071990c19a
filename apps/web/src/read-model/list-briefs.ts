import { and, asc, count, desc, eq, ilike, or } from "drizzle-orm";
import { type Database } from "../db/open-database.ts";
import { briefs } from "../db/schema/index.ts";
import { itemPage, type ItemPage } from "./item-page.ts";
import { likePattern, PAGE_SIZE, type ListQuery } from "./list-query.ts";

export type BriefRow = typeof briefs.$inferSelect;

/** Briefs, newest submission first (a brief whose submission has not arrived yet leads), filtered by status and by id, client or title. */
export async function listBriefs(db: Database, query: ListQuery, pageSize = PAGE_SIZE): Promise<ItemPage<BriefRow>> {
  const where = and(
    query.status ? eq(briefs.status, query.status) : undefined,
    query.q
      ? or(ilike(briefs.briefId, likePattern(query.q, "prefix")), ilike(briefs.clientId, likePattern(query.q, "prefix")), ilike(briefs.title, likePattern(query.q, "anywhere")))
      : undefined,
  );
  const [rows, totals] = await Promise.all([
    db.select().from(briefs).where(where).orderBy(desc(briefs.submittedAt), asc(briefs.briefId)).limit(pageSize).offset((query.page - 1) * pageSize),
    db.select({ total: count() }).from(briefs).where(where),
  ]);
  return itemPage(rows, totals[0]?.total ?? 0, query.page, pageSize);
}
