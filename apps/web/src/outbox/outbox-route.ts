import { readJsonBody } from "../http/read-json-body.ts";
import { appendOutboxMessage } from "./append-outbox-message.ts";
import { type OutboxChannel } from "./outbox-message.ts";

/** Larger bodies are refused: the outbox is for notifications, not uploads. */
export const MAX_OUTBOX_BODY_BYTES = 1_000_000;

/**
 * The handler behind `POST /api/outbox/<channel>`: keeps any JSON body the worker posts (where a
 * real deployment would call Slack or an email provider) and answers 201 with the stored id. A
 * body not sent as application/json is refused with 415, one over the limit with 413, unparsed.
 */
export function createOutboxRoute(channel: OutboxChannel, dir: string) {
  return async function POST(request: Request): Promise<Response> {
    const read = await readJsonBody(request, { maxBytes: MAX_OUTBOX_BODY_BYTES, example: '{"text": "..."} for a webhook message' });
    if (!read.ok) return read.response;
    const body = read.value;
    let message;
    try {
      message = await appendOutboxMessage(dir, channel, body);
    } catch (error) {
      // E.g. a read-only filesystem (serverless): say so instead of losing the message silently.
      return Response.json(
        { error: `The local outbox cannot store messages in ${dir} (${(error as Error).message}). Set STUDIO_OUTBOX_DIR to a writable folder, or configure the real webhook/email service in the worker.` },
        { status: 500 },
      );
    }
    return Response.json({ ok: true, id: message.id, channel, receivedAt: message.receivedAt }, { status: 201 });
  };
}
