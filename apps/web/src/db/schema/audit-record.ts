import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Who sent which event, when, with its event id (src/audit). The actor comes from the session or
 * the API token, never from the request body. Names are copied at the time, so the record stays
 * true after a user is renamed or a token deleted.
 */
export const auditRecord = pgTable(
  "audit_record",
  {
    id: text("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** `user` (a signed-in person, through a form) or `token` (a machine, through the JSON API). */
    actorType: text("actor_type", { enum: ["user", "token"] }).notNull(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    /** The event's full name, e.g. studio/brief.approved. */
    event: text("event").notNull(),
    eventId: text("event_id").notNull(),
    itemKind: text("item_kind").notNull(),
    itemId: text("item_id").notNull(),
  },
  (t) => [index("audit_record_item_idx").on(t.itemKind, t.itemId, t.at)],
);
