import { index, integer, pgTable, text, timestamp, jsonb } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One row per reminder (studio/reminder.scheduled v1 or v2). A reminder event is delivered at its
 * send time, so the row is normally written by the form that scheduled it (src/outgoing/…) and
 * the projection only confirms it when Inngest delivers it.
 */
export const reminders = pgTable(
  "reminders",
  {
    reminderId: text("reminder_id").primaryKey(),
    /** Contract version of the event (1: `channel` + `to`; 2: a typed `target`). */
    version: integer("version").notNull(),
    sendAt: at("send_at").notNull(),
    channel: text("channel").notNull(),
    /** Sealed `{ to | target, subject, message }`. */
    personal: jsonb("personal"),
    scheduledAt: at("scheduled_at").notNull(),
    lastEventAt: at("last_event_at").notNull(),
  },
  (t) => [index("reminders_send_at_idx").on(t.sendAt.desc(), t.reminderId)],
);
