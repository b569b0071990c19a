import { appIds } from "@studio/events";
import { createStudioClient, decryptAll } from "@studio/middleware";
import { startEventSink, testEnv, TEST_ENCRYPTION_KEY, type EventSink, type SentEvent } from "@studio/middleware/testing";

export type WebTestClient = {
  /** The web app's real client (same factory and middleware), sending to `sink`. */
  client: ReturnType<typeof createStudioClient<typeof appIds.web>>;
  sink: EventSink;
  /** What reached the event API, with `data.encrypted` decrypted again. */
  received: () => Promise<SentEvent[]>;
  stop: () => Promise<void>;
};

/** A web client aimed at a local event API that records every event it receives. */
export async function startWebTestClient(): Promise<WebTestClient> {
  const sink = await startEventSink();
  const client = createStudioClient({ id: appIds.web, env: testEnv({ INNGEST_DEV: sink.url, LOG_LEVEL: "silent" }) });
  return {
    client,
    sink,
    received: async () => (await decryptAll(sink.events, [TEST_ENCRYPTION_KEY])) as SentEvent[],
    stop: () => sink.stop(),
  };
}
