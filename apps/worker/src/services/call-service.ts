import { classifyResponse } from "./classify-response.ts";
import { type ServiceRequest } from "./service-request.ts";

/**
 * Sends one request from this process and returns the parsed JSON answer (or the text, or null).
 * Errors are shaped for Inngest (see classifyResponse): call it inside `step.run`, so a thrown
 * error makes Inngest retry the step, and send the request again, as the error says.
 */
export async function callService(request: ServiceRequest, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
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
