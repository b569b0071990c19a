import { projectedEvents } from "../db/schema/index.ts";
import { type Database } from "../db/open-database.ts";
import { type ProjectionInput, type ProjectionOutcome } from "./projection-input.ts";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Applies one event to the read model exactly once: its id goes into projected_events and the
 * item's row is upserted in the same transaction. An event whose id is already there (a retried
 * run, a repeat delivery, or an event the console recorded itself when it sent it) changes nothing.
 */
export async function applyOnce(
  db: Database,
  event: ProjectionInput<unknown>,
  item: { kind: string; id: string },
  apply: (tx: Transaction, eventAt: Date) => Promise<unknown>,
): Promise<ProjectionOutcome> {
  const eventAt = new Date(event.ts);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(projectedEvents)
      .values({ eventId: event.id, name: event.name, itemKind: item.kind, itemId: item.id, eventAt })
      .onConflictDoNothing()
      .returning({ eventId: projectedEvents.eventId });
    if (claimed.length === 0) return { applied: false, reason: "already projected" } as const;
    await apply(tx, eventAt);
    return { applied: true, itemKind: item.kind, itemId: item.id } as const;
  });
}
