import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every event the console sent or tried to send (a form, the JSON API), recorded before it is
 * sent, by its deterministic id. If Inngest cannot be reached the row stays `failed`: the item's
 * page shows "not sent" and offers a retry, which sends the stored payload with the same id, so a
 * retry of a send that did arrive after all is dropped by Inngest as a repeat. `payload.data`
 * keeps its `encrypted` part sealed.
 */
export const outgoingEvents = pgTable(
  "outgoing_events",
  {
    eventId: text("event_id").primaryKey(),
    name: text("name").notNull(),
    itemKind: text("item_kind").notNull(),
    itemId: text("item_id").notNull(),
    /** What inngest.send gets: `{ name, data, id, ts? }`, data.encrypted sealed. */
    payload: jsonb("payload").notNull(),
    status: text("status").$type<"pending" | "sent" | "failed">().notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Inngest's internal ids of the accepted event (to read its runs). */
    inngestIds: jsonb("inngest_ids").$type<string[]>(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("outgoing_events_item_idx").on(t.itemKind, t.itemId, t.recordedAt), index("outgoing_events_status_idx").on(t.status)],
);
