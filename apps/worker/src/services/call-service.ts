import { classifyResponse, type ResponseHeaders } from "./classify-response.ts";
import { type ServiceRequest } from "./service-request.ts";
import { TargetRefusedError } from "./target-refused-error.ts";

/** What callService needs of a fetch: the global one, or a TargetFetch for addresses from event data. */
export type Send = (
  url: string,
  init: { method: "POST"; headers: Readonly<Record<string, string>>; body: string; signal: AbortSignal },
) => Promise<{ status: number; headers: ResponseHeaders; text(): Promise<string> }>;

/**
 * Sends one request from this process and returns the parsed JSON answer (or the text, or null).
 * Errors are shaped for Inngest (see classifyResponse): call it inside `step.run`, so a thrown
 * error makes Inngest retry the step, and send the request again, as the error says.
 * A refused target (TargetRefusedError from a TargetFetch) is passed on as it is: non-retriable.
 */
export async function callService(request: ServiceRequest, timeoutMs: number, send: Send = fetch): Promise<unknown> {
  let response: Awaited<ReturnType<Send>>;
  try {
    response = await send(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    if (cause instanceof TargetRefusedError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`${request.service} is unreachable at ${new URL(request.url).origin} (${reason}); will retry`, { cause });
  }
  const text = await response.text();
  const failure = classifyResponse(request.service, response.status, response.headers, text);
  if (failure) throw failure;
  return parseBody(text);
}

export function parseBody(text: string): unknown {
  if (!text.trim()) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
