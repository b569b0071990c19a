import { createTransport, parseEnvelope, type Envelope, type Event, type Transport } from "@sentry/core";
import type { NodeOptions } from "@sentry/node";

export type MemorySentry = {
  /** Pass as createStudioClient's `sentryTransport` (with any well-formed SENTRY_DSN). */
  transport: NonNullable<NodeOptions["transport"]>;
  /** Every envelope the SDK sent, parsed. */
  envelopes: Envelope[];
  /** Every envelope exactly as serialised, for "never appears" assertions. */
  raw: string[];
  /** The error events among them (items of type "event"). */
  errorEvents: () => Event[];
  /** Forgets everything recorded so far (share one transport per test file: Sentry is process-wide). */
  clear: () => void;
};

/**
 * A Sentry transport that keeps envelopes in memory instead of sending them, built with the
 * SDK's own createTransport (so serialisation, rate limits and flush behave as in production),
 * the way Sentry's own tests capture envelopes.
 */
export function memorySentryTransport(): MemorySentry {
  const envelopes: Envelope[] = [];
  const raw: string[] = [];
  const decoder = new TextDecoder();
  const transport = (options: Parameters<typeof createTransport>[0]): Transport =>
    createTransport(options, (request) => {
      const body = typeof request.body === "string" ? request.body : decoder.decode(request.body);
      raw.push(body);
      envelopes.push(parseEnvelope(body));
      return Promise.resolve({ statusCode: 200 });
    });
  return {
    transport,
    envelopes,
    raw,
    clear: () => {
      envelopes.length = 0;
      raw.length = 0;
    },
    errorEvents: () =>
      envelopes.flatMap(([, items]) => items.filter(([header]) => header.type === "event").map(([, payload]) => payload as Event)),
  };
}
