import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The local outbox (stand-in for Slack and email): one row per message the worker posted. */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel").$type<"webhook" | "email">().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** Sealed: a message to a client is as personal as the brief it is about. */
    body: jsonb("body").notNull(),
  },
  (t) => [index("outbox_messages_received_idx").on(t.receivedAt.desc())],
);
