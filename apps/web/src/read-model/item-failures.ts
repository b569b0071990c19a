import { and, desc, eq, inArray, or } from "drizzle-orm";
import { type Database } from "../db/open-database.ts";
import { automationFailures, outgoingEvents, projectedEvents } from "../db/schema/index.ts";

export type FailureRow = typeof automationFailures.$inferSelect;

/**
 * The automation.failed reports about an item: those whose trigger is one of the item's events
 * (projected here, or sent by the console), newest first.
 */
export async function itemFailures(db: Database, kind: string, id: string): Promise<FailureRow[]> {
  const projected = db.select({ id: projectedEvents.eventId }).from(projectedEvents).where(and(eq(projectedEvents.itemKind, kind), eq(projectedEvents.itemId, id)));
  const sent = db.select({ id: outgoingEvents.eventId }).from(outgoingEvents).where(and(eq(outgoingEvents.itemKind, kind), eq(outgoingEvents.itemId, id)));
  return db
    .select()
    .from(automationFailures)
    .where(or(inArray(automationFailures.triggerId, projected), inArray(automationFailures.triggerId, sent)))
    .orderBy(desc(automationFailures.failedAt));
}
