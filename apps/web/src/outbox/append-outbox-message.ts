import { type Database } from "../db/open-database.ts";
import { outboxMessages } from "../db/schema/index.ts";
import { type Seal } from "../projections/seal.ts";
import { type OutboxChannel, type OutboxMessage } from "./outbox-message.ts";

/** Stores one received message in the database (its body sealed: it may be an email to a client) and returns it. */
export async function appendOutboxMessage(db: Database, seal: Seal, channel: OutboxChannel, body: unknown, now: Date = new Date()): Promise<OutboxMessage> {
  const [row] = await db
    .insert(outboxMessages)
    .values({ channel, body: await seal(body), receivedAt: now })
    .returning({ id: outboxMessages.id, receivedAt: outboxMessages.receivedAt });
  return { id: row!.id, channel, receivedAt: row!.receivedAt.toISOString(), body };
}
