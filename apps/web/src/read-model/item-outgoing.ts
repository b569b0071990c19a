import { and, asc, eq } from "drizzle-orm";
import { type Database } from "../db/open-database.ts";
import { outgoingEvents } from "../db/schema/index.ts";

export type OutgoingRow = typeof outgoingEvents.$inferSelect;

/** What the console sent (or failed to send) about an item, oldest first. */
export async function itemOutgoing(db: Database, kind: string, id: string): Promise<OutgoingRow[]> {
  return db
    .select()
    .from(outgoingEvents)
    .where(and(eq(outgoingEvents.itemKind, kind), eq(outgoingEvents.itemId, id)))
    .orderBy(asc(outgoingEvents.recordedAt));
}
