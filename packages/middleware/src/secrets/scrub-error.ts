import type { SecretReplacer } from "./secret-replacer.ts";

/**
 * Removes secret values from an error before the SDK serialises it into the run's history (and
 * from there into failure handlers, the automation.failed event and the dashboard): its message,
 * stack and, recursively, its cause and aggregated errors. The error is changed in place, so its
 * class, and with it the retry decision (NonRetriableError, RetryAfterError...), is kept.
 * A thrown non-Error string is returned scrubbed.
 */
export function scrubError<T>(error: T, replace: SecretReplacer, depth = 0): T {
  if (typeof error === "string") return replace(error) as T;
  if (!(error instanceof Error) || depth > 8) return error;
  const scrubbed = replace(error.message);
  if (scrubbed !== error.message) error.message = scrubbed;
  if (typeof error.stack === "string") {
    const stack = replace(error.stack);
    if (stack !== error.stack) error.stack = stack;
  }
  if (error.cause !== undefined) error.cause = scrubError(error.cause, replace, depth + 1);
  if (error instanceof AggregateError) error.errors = error.errors.map((e: unknown) => scrubError(e, replace, depth + 1));
  return error;
}
