/**
 * A provider call that failed in a way that may pass: a 5xx, an overload, a timeout, a dropped
 * connection. Thrown inside a step, it makes Inngest retry the step; once retries are used up the
 * caller falls back to the next model.
 */
export class ProviderUnavailableError extends Error {
  override name = "ProviderUnavailableError";
  readonly status: number | undefined;
  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}

/**
 * Pulls the provider's own error message out of an error body (OpenAI and Anthropic shapes).
 * Anything else (an HTML error page from a proxy, plain text) is not quoted, only measured:
 * errors are stored in the run's history and reach the plaintext automation.failed event.
 */
export function providerErrorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    if (typeof parsed.error === "string") return parsed.error;
    if (typeof parsed.error?.message === "string") return parsed.error.message;
    if (typeof parsed.message === "string") return parsed.message;
  } catch {
    /* not JSON */
  }
  return body ? `(a ${body.length}-character answer that is not a provider error, not quoted)` : "(empty body)";
}

/**
 * Reads Retry-After (seconds or an HTTP date) into what RetryAfterError takes: milliseconds or a
 * Date. Undefined when absent or unreadable.
 */
export function retryAfterFrom(header: string | null, now = Date.now()): number | Date | undefined {
  if (!header) return undefined;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.max(1, seconds) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) || date <= now ? undefined : new Date(date);
}
