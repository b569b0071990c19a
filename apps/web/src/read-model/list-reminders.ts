import { and, asc, count, desc, gt, ilike, lte } from "drizzle-orm";
import { type Database } from "../db/open-database.ts";
import { reminders } from "../db/schema/index.ts";
import { itemPage, type ItemPage } from "./item-page.ts";
import { likePattern, PAGE_SIZE, type ListQuery } from "./list-query.ts";

export type ReminderRow = typeof reminders.$inferSelect;

/** Reminders, latest send time first, filtered by `due` (send time passed) or `scheduled`, and by id. */
export async function listReminders(db: Database, query: ListQuery, pageSize = PAGE_SIZE, now: Date = new Date()): Promise<ItemPage<ReminderRow>> {
  const where = and(
    query.status === "due" ? lte(reminders.sendAt, now) : query.status === "scheduled" ? gt(reminders.sendAt, now) : undefined,
    query.q ? ilike(reminders.reminderId, likePattern(query.q, "prefix")) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db.select().from(reminders).where(where).orderBy(desc(reminders.sendAt), asc(reminders.reminderId)).limit(pageSize).offset((query.page - 1) * pageSize),
    db.select({ total: count() }).from(reminders).where(where),
  ]);
  return itemPage(rows, totals[0]?.total ?? 0, query.page, pageSize);
}
