import { randomUUID } from "node:crypto";
import { appendFile, mkdir } from "node:fs/promises";
import { outboxFile } from "./outbox-file.ts";
import { type OutboxChannel, type OutboxMessage } from "./outbox-message.ts";

/** Stores one received message (one line, appended) and returns it as stored. */
export async function appendOutboxMessage(
  dir: string,
  channel: OutboxChannel,
  body: unknown,
  now: Date = new Date(),
): Promise<OutboxMessage> {
  const message: OutboxMessage = { id: randomUUID(), channel, receivedAt: now.toISOString(), body };
  await mkdir(dir, { recursive: true });
  await appendFile(outboxFile(dir), `${JSON.stringify(message)}\n`, "utf8");
  return message;
}
