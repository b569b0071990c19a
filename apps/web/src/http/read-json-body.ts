/** The JSON routes' body limit: 1 MB is far above any event's data (an event is at most 256 KB). */
export const MAX_JSON_BODY_BYTES = 1_000_000;

export type JsonBody = { ok: true; text: string; value: unknown } | { ok: false; response: Response };

/**
 * Reads a JSON request body the safe way round: 415 unless `content-type` is application/json (a
 * cross-site form can post text/plain without a CORS preflight), 413 when Content-Length or the
 * bytes actually received pass `maxBytes` (counted while reading, before any parsing), 400 when
 * it is not JSON. `example` goes into the 400's message.
 */
export async function readJsonBody(request: Request, options: { maxBytes?: number; example: string }): Promise<JsonBody> {
  const maxBytes = options.maxBytes ?? MAX_JSON_BODY_BYTES;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    return fail(415, `Send the body as JSON with \`content-type: application/json\` (got ${type ? `"${type}"` : "none"}).`);
  }
  const tooLarge = () => fail(413, `The body is larger than ${maxBytes} bytes; nothing was read or sent.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel();
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return { ok: true, text, value: JSON.parse(text) as unknown };
  } catch {
    return fail(400, `The body must be JSON, and it does not parse. Example: ${options.example}`);
  }
}

function fail(status: 400 | 413 | 415, error: string): JsonBody {
  return { ok: false, response: Response.json({ error }, { status }) };
}
