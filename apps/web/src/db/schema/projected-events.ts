import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every contract event a projection has applied, by its Inngest event id: the ledger that makes
 * projections idempotent (a retried run, or the same event delivered twice, finds its id here and
 * changes nothing) and that shows how far behind each item table is (the newest `eventAt` per
 * kind). `itemKind`/`itemId` say which item the event concerns, so an item page can find the
 * `automation.failed` reports whose trigger is one of its events.
 */
export const projectedEvents = pgTable(
  "projected_events",
  {
    eventId: text("event_id").primaryKey(),
    name: text("name").notNull(),
    itemKind: text("item_kind").notNull(),
    itemId: text("item_id").notNull(),
    /** The event's own time (`ts`: when it was sent, or when it was scheduled for). */
    eventAt: timestamp("event_at", { withTimezone: true, mode: "date" }).notNull(),
    projectedAt: timestamp("projected_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("projected_events_item_idx").on(t.itemKind, t.itemId),
    index("projected_events_kind_event_at_idx").on(t.itemKind, t.eventAt),
    index("projected_events_kind_projected_at_idx").on(t.itemKind, t.projectedAt),
  ],
);
