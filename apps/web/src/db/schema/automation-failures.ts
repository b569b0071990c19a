import { boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * studio/automation.failed reports, one per event. An item page finds its own through
 * `triggerId`: the id of the event that started the failed run, which is in projected_events (or
 * outgoing_events) with the item it concerns, whichever arrives first.
 */
export const automationFailures = pgTable(
  "automation_failures",
  {
    eventId: text("event_id").primaryKey(),
    app: text("app").notNull(),
    functionId: text("function_id").notNull(),
    runId: text("run_id").notNull(),
    triggerName: text("trigger_name").notNull(),
    triggerId: text("trigger_id"),
    errorName: text("error_name").notNull(),
    errorMessage: text("error_message").notNull(),
    compensated: boolean("compensated").notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("automation_failures_trigger_idx").on(t.triggerId), index("automation_failures_time_idx").on(t.failedAt.desc())],
);
