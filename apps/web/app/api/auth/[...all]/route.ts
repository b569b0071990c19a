import { appAuth } from "../../../../src/auth/auth.ts";
import { readJsonBody } from "../../../../src/http/read-json-body.ts";

/** better-auth's endpoints (session, OAuth callbacks). Open: each checks the session itself (access-rules.ts). */
export async function GET(request: Request): Promise<Response> {
  return (await appAuth()).handler(request);
}

/**
 * better-auth's POST endpoints take JSON only, at most 64 KB, checked before better-auth reads
 * the body (415 / 413 / 400, like every JSON route here).
 */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, { maxBytes: 64_000, example: '{"email": "…", "password": "…"}' });
  if (!body.ok) return body.response;
  const headers = new Headers(request.headers);
  headers.delete("content-length"); // the body is the text read, re-encoded
  return (await appAuth()).handler(new Request(request.url, { method: "POST", headers, body: body.text, signal: request.signal }));
}
