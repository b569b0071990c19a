import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "inngest/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStudioClient } from "../client.ts";
import { collectLogLines, memorySentryTransport, runThroughServeHandler, testEnv } from "../testing/index.ts";

const DSN = "https://publickey@o0.ingest.sentry.io/1";
const PERSON = { name: "Jane Doe", email: "jane.doe@example.com" };
const event = { name: "studio/brief.approved", data: { briefId: "b-1", clientName: PERSON.name, encrypted: { email: PERSON.email } } };

// Sentry is process-wide: one transport for the file, emptied before each test.
const sentry = memorySentryTransport();
beforeEach(() => sentry.clear());

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves the app over real HTTP on 127.0.0.1 (so Sentry's HTTP integration sees real requests). */
async function listen(handler: ReturnType<typeof serve>): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
}

function app() {
  const client = createStudioClient({
    id: "studio-worker",
    env: testEnv({ SENTRY_DSN: DSN }),
    sentryTransport: sentry.transport,
    logDestination: collectLogLines().destination,
  });
  return { client };
}

/** Runs `fn` to its end over HTTP, recording how many Sentry error events existed after each request. */
async function runRecordingEvents(url: string, slug: string, maxAttempts: number) {
  const eventsAfterRequest: number[] = [];
  const run = await runThroughServeHandler({
    functionSlug: slug,
    event,
    maxAttempts,
    url,
    handler: async (req) => {
      const res = await fetch(req);
      eventsAfterRequest.push(sentry.errorEvents().length);
      return res;
    },
  });
  return { run, eventsAfterRequest };
}

function expectNoPersonalData() {
  const everything = sentry.raw.join("\n");
  expect(everything).not.toContain(PERSON.email);
  expect(everything).not.toContain(PERSON.name);
}

describe("Sentry reporting", () => {
  it("reports a run that fails on its final attempt exactly once, tagged with its ids, without personal data", async () => {
    const { client } = app();
    const fn = client.createFunction({ id: "notify-client", retries: 2, triggers: { event: event.name } }, async ({ event: evt, step }) => {
      await step.run("load-brief", () => ({ briefId: evt.data.briefId as string }));
      const { email } = evt.data.encrypted as { email: string };
      throw new Error(`could not notify ${email} about brief ${String(evt.data.briefId)}`);
    });
    const url = await listen(serve({ client, functions: [fn] }));

    const { run, eventsAfterRequest } = await runRecordingEvents(url, "studio-worker-notify-client", 3);

    expect(run.status).toBe("Failed");
    // load-brief, then attempts 0, 1 (retried: 500) and 2 (final: 400).
    expect(run.responses.map((r) => [r.attempt, r.status])).toEqual([[0, 206], [0, 500], [1, 500], [2, 400]]);
    expect(eventsAfterRequest).toEqual([0, 0, 0, 1]);

    const [reported] = sentry.errorEvents();
    expect(reported?.tags).toMatchObject({
      "inngest.client.id": "studio-worker",
      "inngest.function.id": "studio-worker-notify-client",
      "inngest.run.id": run.runId,
      "inngest.event.id": run.eventId,
      "inngest.event.name": event.name,
      "inngest.error.source": "run",
    });
    expect(reported?.exception?.values?.[0]?.value).toBe("could not notify [email] about brief b-1");
    expect(reported?.environment).toBe("development");
    expect(reported?.transaction).toBe("inngest:notify-client");
    expectNoPersonalData();
  });

  it("reports a step that fails on every attempt once, when the run gives up", async () => {
    const { client } = app();
    const fn = client.createFunction({ id: "charge", retries: 2, triggers: { event: event.name } }, async ({ step }) => {
      await step.run("charge-card", () => {
        throw new Error(`card declined for ${PERSON.email}`);
      });
    });
    const url = await listen(serve({ client, functions: [fn] }));

    const { run, eventsAfterRequest } = await runRecordingEvents(url, "studio-worker-charge", 3);

    expect(run.status).toBe("Failed");
    // Step attempts 0 and 1 error (retried), attempt 2 fails for good, then the run fails with it.
    expect(run.responses.map((r) => r.status)).toEqual([206, 206, 206, 400]);
    expect(eventsAfterRequest).toEqual([0, 0, 0, 1]);
    expect(sentry.errorEvents()[0]?.tags).toMatchObject({ "inngest.function.id": "studio-worker-charge", "inngest.run.id": run.runId });
    expectNoPersonalData();
  });

  it("sends nothing for a run that succeeds", async () => {
    const { client } = app();
    const fn = client.createFunction({ id: "ok", triggers: { event: event.name } }, async ({ step }) => step.run("a", () => 1));
    const url = await listen(serve({ client, functions: [fn] }));
    const { run } = await runRecordingEvents(url, "studio-worker-ok", 3);
    expect(run.status).toBe("Completed");
    expect(sentry.errorEvents()).toEqual([]);
  });

  it("flushes what a handler captures through ctx.sentry before answering", async () => {
    const { client } = app();
    const fn = client.createFunction({ id: "notes", triggers: { event: event.name } }, async ({ step, sentry: injected }) => {
      await step.run("check", () => {
        injected.captureMessage("quota at 90% for jane.doe@example.com");
      });
    });
    const url = await listen(serve({ client, functions: [fn] }));
    const { run, eventsAfterRequest } = await runRecordingEvents(url, "studio-worker-notes", 3);
    expect(run.status).toBe("Completed");
    expect(eventsAfterRequest[0]).toBe(1);
    expect(sentry.errorEvents()[0]).toMatchObject({ message: "quota at 90% for [email]" });
    expectNoPersonalData();
  });
});
