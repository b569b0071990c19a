import { readFile } from "node:fs/promises";
import { outboxFile } from "./outbox-file.ts";
import { outboxChannels, type OutboxMessage } from "./outbox-message.ts";

export type OutboxListing = {
  /** Newest first. */
  messages: OutboxMessage[];
  /** Lines that could not be read back (e.g. cut short by a crash); reported, never hidden. */
  unreadableLines: number;
};

/** Reads the outbox, newest message first. A missing file is an empty outbox. */
export async function readOutbox(dir: string, limit = 200): Promise<OutboxListing> {
  let text: string;
  try {
    text = await readFile(outboxFile(dir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { messages: [], unreadableLines: 0 };
    throw error;
  }
  const messages: OutboxMessage[] = [];
  let unreadableLines = 0;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const parsed = parseLine(line);
    if (parsed) messages.push(parsed);
    else unreadableLines++;
  }
  return { messages: messages.reverse().slice(0, limit), unreadableLines };
}

function parseLine(line: string): OutboxMessage | undefined {
  try {
    const value = JSON.parse(line) as Partial<OutboxMessage>;
    const ok =
      typeof value.id === "string" &&
      typeof value.receivedAt === "string" &&
      outboxChannels.includes(value.channel as OutboxMessage["channel"]) &&
      "body" in value;
    return ok ? (value as OutboxMessage) : undefined;
  } catch {
    return undefined;
  }
}
