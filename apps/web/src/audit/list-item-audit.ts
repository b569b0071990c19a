import { and, asc, eq } from "drizzle-orm";
import { type TrackedKind } from "../activity/tracked-kinds.ts";
import { type Database as Db } from "../db/open-database.ts";
import { auditRecord } from "../db/schema/audit-record.ts";

export type AuditEntry = typeof auditRecord.$inferSelect;

/** Everything sent about one item, oldest first: the "Sent by" list of its page. */
export async function listItemAudit(db: Db, kind: TrackedKind, id: string): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditRecord)
    .where(and(eq(auditRecord.itemKind, kind), eq(auditRecord.itemId, id)))
    .orderBy(asc(auditRecord.at));
}
