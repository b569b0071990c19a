import { getClient } from "@sentry/core";
import type { Event, NodeClient, NodeOptions } from "@sentry/node";
import { EVENT_ATTRIBUTE, scrubBreadcrumb, scrubSentryEvent, textScrubber } from "./scrub-sentry-event.ts";

export type SentrySetup = {
  /** Unset: Sentry stays off and nothing is sent. */
  dsn: string | undefined;
  environment: string;
  /** Secret values to blank out of anything sent. */
  secrets: readonly (string | undefined)[];
  /**
   * Replaces the HTTP transport. Tests pass one that records envelopes in memory; a transport
   * other than the one Sentry was started with re-initialises Sentry (reuse one per test file).
   */
  transport?: NodeOptions["transport"];
};

const scrubbedClients = new WeakSet<NodeClient>();
/** The transport of the client this module initialised, so a test reusing it does not re-init. */
let initialisedTransport: SentrySetup["transport"];
/** How long after start-up Sentry is started when nothing was captured before (a cold start's first request runs without it). */
const START_DELAY_MS = 1_000;
/** A start that has not begun yet (it begins after START_DELAY_MS, or at the first capture). */
let scheduled: (() => Promise<void>) | undefined;
/** Set while @sentry/node is being loaded and started. */
let starting: Promise<void> | undefined;
/** What was captured before Sentry had started, in order. */
const queued: (() => void)[] = [];

/**
 * Runs `capture` now if Sentry is started (or off); otherwise starts it now and runs `capture`
 * as soon as it is. Captures made meanwhile are kept in order; `sentryReady()` resolves after
 * they were made.
 */
export function whenSentryReady(capture: () => void): void {
  if (!scheduled && !starting) return capture();
  queued.push(capture);
  void startSentryNow();
}

/** Starts Sentry now if it is still to start, and resolves once it has and what was captured meanwhile was handed to it. */
export function sentryReady(): Promise<void> {
  return startSentryNow();
}

function startSentryNow(): Promise<void> {
  const run = scheduled;
  if (run) {
    scheduled = undefined;
    const started: Promise<void> = (starting ?? Promise.resolve())
      .then(run)
      .catch((error: unknown) => {
        // Reporting must never take the app down: say so once, loudly, and run without Sentry.
        console.error("[studio] Sentry could not be started; errors will not be reported:", error);
      })
      .finally(() => {
        if (starting !== started) return;
        starting = undefined;
        for (const capture of queued.splice(0)) capture();
      });
    starting = started;
  }
  return starting ?? Promise.resolve();
}

/**
 * Starts Sentry for this process from the validated env (once: Sentry is process-wide). Personal
 * data is not collected (dataCollection) and is scrubbed again before anything is sent (see
 * scrubSentryEvent). If the app already initialised Sentry itself (e.g. in a preloaded instrument file, to get
 * auto-instrumentation), that client is kept and only the scrubber is added to it.
 *
 * @sentry/node is loaded only when there is a DSN, and then later: it was a third of a Hono
 * bundle's start-up work, and a cold start needs none of it until something is captured
 * (docs/benchmarks.md, "Cold start"). It is loaded and started 1 s after this call, or at the
 * first capture if that comes sooner. Captures made before it has started are queued
 * (whenSentryReady) and the Sentry middleware waits for them (sentryReady) before it flushes and
 * answers, so nothing captured is lost. What is not reported: an error thrown outside any run
 * (an uncaught exception, an unhandled rejection) before Sentry has started, since the SDK's
 * global handlers are installed then.
 *
 * Returns true when Sentry is on (or will be).
 */
export function initSentry({ dsn, environment, secrets, transport }: SentrySetup): boolean {
  if (!dsn) return false;
  const scrubText = textScrubber([...secrets, dsn]);
  const existing = getClient<NodeClient>();
  if (!scheduled && !starting && existing && transport === initialisedTransport) {
    addScrubber(existing, scrubText);
    return true;
  }
  const before = scheduled;
  scheduled = async () => {
    await before?.();
    const current = getClient<NodeClient>();
    if (current && transport === initialisedTransport) return addScrubber(current, scrubText);
    const Sentry = await import("@sentry/node");
    const client = Sentry.init({
      dsn,
      environment,
      // Sentry 11 collects users, cookies, headers, bodies and local variables by default: we want
      // none of it (the request body is the Inngest event, i.e. customer data).
      dataCollection: {
        userInfo: false,
        cookies: false,
        httpHeaders: { request: { allow: ["content-type", "content-length", "user-agent"] }, response: false },
        httpBodies: [],
        urlQueryParams: false,
        graphQL: { document: false, variables: false },
        genAI: { inputs: false, outputs: false },
        mcp: { inputs: false, outputs: false },
        databaseQueryData: false,
        queues: false,
        stackFrameVariables: false,
      },
      ...(transport ? { transport } : {}),
      beforeSend: (event) => scrubSentryEvent(event, scrubText),
      // Only used if tracing is turned on: the Sentry middleware puts the whole (decrypted) event
      // in an `inngest.event` span attribute.
      beforeSendSpan: (span) => {
        if (!(EVENT_ATTRIBUTE in span.attributes)) return span;
        const { [EVENT_ATTRIBUTE]: _dropped, ...attributes } = span.attributes;
        return { ...span, attributes };
      },
      beforeBreadcrumb: (crumb) => scrubBreadcrumb(crumb, scrubText),
    });
    initialisedTransport = transport;
    if (client) scrubbedClients.add(client);
  };
  setTimeout(() => void startSentryNow(), START_DELAY_MS).unref();
  return true;
}

function addScrubber(client: NodeClient, scrubText: (text: string) => string): void {
  if (scrubbedClients.has(client)) return;
  client.addEventProcessor(Object.assign((event: Event) => scrubSentryEvent(event, scrubText), { id: "studio:scrub" }));
  scrubbedClients.add(client);
}
