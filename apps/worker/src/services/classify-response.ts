import { NonRetriableError, RetryAfterError } from "inngest";

/** The part of a response's headers this reads (a fetch Headers, from any fetch implementation). */
export type ResponseHeaders = { get(name: string): string | null };

/**
 * What an outside service's answer means for the run, as an error to throw (undefined = success):
 * - 2xx: success.
 * - 429 with Retry-After: RetryAfterError, so Inngest waits exactly as long as the service asked.
 * - 429 without it, 408, 5xx and anything else: a plain Error, retried with Inngest's backoff.
 * - any other 4xx: NonRetriableError. The request itself is wrong (bad payload, bad credentials,
 *   unknown recipient), so sending it again cannot succeed; the message names the service and status.
 *
 * The answer's body is never copied into the error: errors are stored in the run's history and
 * end up in the team alert and the plaintext automation.failed event, and an answer can hold
 * anything (what we sent, personal data, a page from an address we should not have reached).
 * Only its size and type are named, which is enough to tell an error page from an API error.
 */
export function classifyResponse(
  service: string,
  status: number,
  headers: ResponseHeaders,
  body: string,
  now: () => number = Date.now,
): Error | undefined {
  if (status >= 200 && status < 300) return undefined;
  const detail = body.length ? ` (a ${body.length}-character ${headers.get("content-type")?.split(";")[0]?.trim() || "untyped"} answer, not quoted)` : "";
  if (status === 429) {
    const after = parseRetryAfter(headers.get("retry-after"), now);
    return after === undefined
      ? new Error(`${service} is rate limiting (HTTP 429, no Retry-After)${detail}; retrying with backoff`)
      : new RetryAfterError(`${service} is rate limiting (HTTP 429); retrying after ${Math.ceil(after / 1000)}s${detail}`, after);
  }
  if (status >= 400 && status < 500 && status !== 408) {
    return new NonRetriableError(
      `${service} rejected the request with HTTP ${status}${detail}. Retrying cannot help: fix the request or the ${service} ` +
        `configuration, then re-send the event (docs/runbooks/worker-outside-services.md).`,
    );
  }
  return new Error(`${service} failed with HTTP ${status}${detail}`);
}

/** Retry-After in milliseconds from now: either delay-seconds or an HTTP date (RFC 9110). */
export function parseRetryAfter(value: string | null, now: () => number = Date.now): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now());
}
