import { automationFailed } from "@studio/events";
import { and, eq, inArray } from "drizzle-orm";
import { type Database } from "../db/open-database.ts";
import { outgoingEvents, projectedEvents } from "../db/schema/index.ts";
import { itemFailures } from "./item-failures.ts";

/**
 * One event the console knows concerns an item, with the interval in which Inngest must have
 * received it: enough to find it in Inngest's event list (which is keyed by Inngest's own ids and
 * looks back one hour by default) and so to read the runs it started.
 */
export type EventRef = { eventId: string; name: string; receivedAfter: Date; receivedBefore: Date };

const minutes = (n: number) => n * 60_000;
// Margins for clock differences between this app and Inngest, and for events sent with a `ts`.
const BEFORE = minutes(10);
const AFTER = minutes(2);

/**
 * Every event of an item from the console's database: those a projection applied (received
 * before they were projected), those the console sent itself (received around their send) and the
 * failure reports about them.
 */
export async function itemEventRefs(db: Database, kind: string, id: string): Promise<EventRef[]> {
  const [projected, sent, failures] = await Promise.all([
    db
      .select()
      .from(projectedEvents)
      .where(and(eq(projectedEvents.itemKind, kind), eq(projectedEvents.itemId, id))),
    db
      .select()
      .from(outgoingEvents)
      .where(and(eq(outgoingEvents.itemKind, kind), eq(outgoingEvents.itemId, id), eq(outgoingEvents.status, "sent"))),
    itemFailures(db, kind, id),
  ]);
  const failureIds = failures.map((f) => f.eventId);
  const failureProjections = failureIds.length ? await db.select().from(projectedEvents).where(inArray(projectedEvents.eventId, failureIds)) : [];
  const spans = new Map<string, { name: string; from: number; to: number }>();
  const add = (eventId: string, name: string, from: Date, to: Date) => {
    const known = spans.get(eventId);
    spans.set(eventId, {
      name,
      from: Math.min(from.getTime(), known?.from ?? Infinity),
      to: Math.max(to.getTime(), known?.to ?? -Infinity),
    });
  };
  for (const row of [...projected, ...failureProjections]) add(row.eventId, row.name, row.eventAt < row.projectedAt ? row.eventAt : row.projectedAt, row.projectedAt);
  for (const row of sent) add(row.eventId, row.name, row.recordedAt, row.sentAt ?? row.recordedAt);
  for (const row of failures) add(row.eventId, automationFailed.name, row.failedAt, row.failedAt);
  return [...spans].map(([eventId, { name, from, to }]) => ({ eventId, name, receivedAfter: new Date(from - BEFORE), receivedBefore: new Date(to + AFTER) }));
}
