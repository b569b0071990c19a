import { appendOutboxMessage } from "./append-outbox-message.ts";
import { type OutboxChannel } from "./outbox-message.ts";

/** Larger bodies are refused: the outbox is for notifications, not uploads. */
export const MAX_OUTBOX_BODY_BYTES = 1_000_000;

/**
 * The handler behind `POST /api/outbox/<channel>`: keeps any JSON body the worker posts (where a
 * real deployment would call Slack or an email provider) and answers 201 with the stored id.
 */
export function createOutboxRoute(channel: OutboxChannel, dir: string) {
  return async function POST(request: Request): Promise<Response> {
    const text = await request.text();
    if (Buffer.byteLength(text, "utf8") > MAX_OUTBOX_BODY_BYTES) {
      return Response.json({ error: `body is larger than ${MAX_OUTBOX_BODY_BYTES} bytes` }, { status: 413 });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return Response.json({ error: "body must be JSON (e.g. {\"text\": \"...\"} for a webhook message)" }, { status: 400 });
    }
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
