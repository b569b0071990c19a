import { and, asc, count, desc, eq, ilike, or } from "drizzle-orm";
import { type Database } from "../db/open-database.ts";
import { invoices } from "../db/schema/index.ts";
import { itemPage, type ItemPage } from "./item-page.ts";
import { likePattern, PAGE_SIZE, type ListQuery } from "./list-query.ts";

export type InvoiceRow = typeof invoices.$inferSelect;

/** Invoices, newest first, filtered by status and by id, client or project. */
export async function listInvoices(db: Database, query: ListQuery, pageSize = PAGE_SIZE): Promise<ItemPage<InvoiceRow>> {
  const where = and(
    query.status ? eq(invoices.status, query.status) : undefined,
    query.q
      ? or(ilike(invoices.invoiceId, likePattern(query.q, "prefix")), ilike(invoices.clientId, likePattern(query.q, "prefix")), ilike(invoices.projectId, likePattern(query.q, "prefix")))
      : undefined,
  );
  const [rows, totals] = await Promise.all([
    db.select().from(invoices).where(where).orderBy(desc(invoices.issuedAt), asc(invoices.invoiceId)).limit(pageSize).offset((query.page - 1) * pageSize),
    db.select({ total: count() }).from(invoices).where(where),
  ]);
  return itemPage(rows, totals[0]?.total ?? 0, query.page, pageSize);
}
