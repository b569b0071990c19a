import * as Sentry from "@sentry/node";
import { serve } from "inngest/edge";
import { expect, it } from "vitest";
import { createStudioClient } from "../client.ts";
import { collectLogLines, memorySentryTransport, runThroughServeHandler, testEnv } from "../testing/index.ts";

// Its own file, hence its own process: Sentry is process-wide, and the other Sentry tests start it.
it("leaves Sentry off when SENTRY_DSN is unset, and runs still work", async () => {
  const sentry = memorySentryTransport();
  const client = createStudioClient({ id: "quiet", env: testEnv(), sentryTransport: sentry.transport, logDestination: collectLogLines().destination });
  expect(Sentry.getClient()).toBeUndefined();

  const fn = client.createFunction({ id: "boom", retries: 0, triggers: { event: "t/boom" } }, async ({ step, sentry: injected }) => {
    await step.run("a", () => 1);
    injected.captureMessage("nobody hears this");
    throw new Error("boom");
  });
  const run = await runThroughServeHandler({ functionSlug: "quiet-boom", event: { name: "t/boom", data: {} }, maxAttempts: 1, handler: serve({ client, functions: [fn] }) });
  expect(run.status).toBe("Failed");
  expect(run.output).toMatchObject({ message: "boom" });
  expect(sentry.envelopes).toEqual([]);
});
