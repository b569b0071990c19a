import * as Sentry from "@sentry/node";
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
  transport?: Sentry.NodeOptions["transport"];
};

const scrubbedClients = new WeakSet<Sentry.NodeClient>();
/** The transport of the client this module initialised, so a test reusing it does not re-init. */
let initialisedTransport: SentrySetup["transport"];

/**
 * Starts Sentry for this process from the validated env (once: Sentry is process-wide). Personal
 * data is not collected (dataCollection) and is scrubbed again before anything is sent (see
 * scrubSentryEvent). If the app already initialised Sentry itself (e.g. in a preloaded instrument file, to get
 * auto-instrumentation), that client is kept and only the scrubber is added to it.
 *
 * Returns true when Sentry is on.
 */
export function initSentry({ dsn, environment, secrets, transport }: SentrySetup): boolean {
  if (!dsn) return false;
  const scrubText = textScrubber([...secrets, dsn]);
  const existing = Sentry.getClient<Sentry.NodeClient>();
  if (existing && transport === initialisedTransport) {
    if (!scrubbedClients.has(existing)) {
      existing.addEventProcessor(Object.assign((event: Sentry.Event) => scrubSentryEvent(event, scrubText), { id: "studio:scrub" }));
      scrubbedClients.add(existing);
    }
    return true;
  }
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
  return true;
}
