import { getClient } from "@sentry/core";
import { serve } from "inngest/edge";
import { expect, it } from "vitest";
import { createStudioClient } from "../client.ts";
import { collectLogLines, memorySentryTransport, runThroughServeHandler, testEnv } from "../testing/index.ts";

// Its own file, hence its own process: Sentry is process-wide and must not have been started yet.
it("starts Sentry after start-up, and a failure captured before it has started is still sent before the response", async () => {
  const sentry = memorySentryTransport();
  const client = createStudioClient({
    id: "studio-worker",
    env: testEnv({ SENTRY_DSN: "https://publickey@o0.ingest.sentry.io/1" }),
    sentryTransport: sentry.transport,
    logDestination: collectLogLines().destination,
  });
  // Not loaded at start-up (init-sentry.ts: 1 s later, or at the first capture).
  expect(getClient()).toBeUndefined();

  const fn = client.createFunction({ id: "early-failure", retries: 0, triggers: { event: "t/early" } }, async ({ step }) => {
    await step.run("fail", () => {
      throw new Error("failed before Sentry had started");
    });
  });
  const eventsAfterRequest: number[] = [];
  const handler = serve({ client, functions: [fn] });
  const run = await runThroughServeHandler({
    functionSlug: "studio-worker-early-failure",
    event: { name: "t/early", data: {} },
    maxAttempts: 1,
    handler: async (req) => {
      const res = await handler(req);
      eventsAfterRequest.push(sentry.errorEvents().length);
      return res;
    },
  });
  expect(run.status).toBe("Failed");
  expect(getClient()).toBeDefined();
  // Reported once, and already when the failing request was answered.
  expect(sentry.errorEvents()).toHaveLength(1);
  expect(eventsAfterRequest.at(-1)).toBe(1);
  expect(sentry.errorEvents()[0]?.exception?.values?.[0]?.value).toContain("failed before Sentry had started");
});
