import { type Database } from "../db/open-database.ts";
import { readJsonBody } from "../http/read-json-body.ts";
import { type Seal } from "../projections/seal.ts";
import { appendOutboxMessage } from "./append-outbox-message.ts";
import { type OutboxChannel } from "./outbox-message.ts";

/** Larger bodies are refused: the outbox is for notifications, not uploads. */
export const MAX_OUTBOX_BODY_BYTES = 1_000_000;

/**
 * The handler behind `POST /api/outbox/<channel>`: keeps any JSON body the worker posts (where a
 * real deployment would call Slack or an email provider) in the console's database and answers
 * 201 with the stored id. A body not sent as application/json is refused with 415, one over the
 * limit with 413, unparsed.
 */
export function createOutboxRoute(channel: OutboxChannel, deps: { db: () => Promise<Database>; seal: Seal }) {
  return async function POST(request: Request): Promise<Response> {
    const read = await readJsonBody(request, { maxBytes: MAX_OUTBOX_BODY_BYTES, example: '{"text": "..."} for a webhook message' });
    if (!read.ok) return read.response;
    const body = read.value;
    let message;
    try {
      message = await appendOutboxMessage(await deps.db(), deps.seal, channel, body);
    } catch (error) {
      // Say so instead of losing the message silently: the worker retries a failed post.
      return Response.json(
        { error: `The local outbox cannot store the message in the console's database (${(error as Error).message}). Check DATABASE_URL (docs/web.md, "The store"), or configure the real webhook/email service in the worker.` },
        { status: 500 },
      );
    }
    return Response.json({ ok: true, id: message.id, channel, receivedAt: message.receivedAt }, { status: 201 });
  };
}
