import { desc } from "drizzle-orm";
import { type Revealer } from "../crypto/create-revealer.ts";
import { type Database } from "../db/open-database.ts";
import { outboxMessages } from "../db/schema/index.ts";
import { type OutboxMessage } from "./outbox-message.ts";

export type OutboxListing = {
  /** Newest first. */
  messages: OutboxMessage[];
  /** Messages sealed with a key this app no longer has; reported, never hidden. */
  unreadable: number;
};

/** The outbox, newest message first. */
export async function readOutbox(db: Database, reveal: Revealer, limit = 200): Promise<OutboxListing> {
  const rows = await db.select().from(outboxMessages).orderBy(desc(outboxMessages.receivedAt), desc(outboxMessages.id)).limit(limit);
  const messages: OutboxMessage[] = [];
  let unreadable = 0;
  for (const row of rows) {
    const body = await reveal(row.body);
    if (body.sealed) unreadable++;
    else messages.push({ id: row.id, channel: row.channel, receivedAt: row.receivedAt.toISOString(), body: body.value });
  }
  return { messages, unreadable };
}
