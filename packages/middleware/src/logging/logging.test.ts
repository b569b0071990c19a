import { serve } from "inngest/edge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStudioClient, getStudioLogger } from "../client.ts";
import {
  collectLogLines,
  createTestEngine,
  runThroughServeHandler,
  startEventSink,
  testEnv,
  TEST_ENCRYPTION_KEY,
  type EventSink,
} from "../testing/index.ts";

const SECRET = "SSN-078-05-1120";
const SIGNING_KEY = "signkey-test-8f3a9c0d1e2b4a5f6c7d8e9f0a1b2c3d";
const EVENT_KEY = "evtkey-0123456789abcdef0123456789abcdef";
const ids = (line: Record<string, unknown>) => ({
  appId: line["appId"],
  functionId: line["functionId"],
  runId: line["runId"],
  eventId: line["eventId"],
  attempt: line["attempt"],
});

let sink: EventSink;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(() => sink.stop());

function app(logs = collectLogLines()) {
  const client = createStudioClient({
    id: "log-app",
    // trace: every line the SDK can write is captured, so "never appears" covers them too.
    env: testEnv({ INNGEST_DEV: sink.url, LOG_LEVEL: "trace", INNGEST_SIGNING_KEY: SIGNING_KEY, INNGEST_EVENT_KEY: EVENT_KEY }),
    logDestination: logs.destination,
  });
  return { client, logs };
}

describe("run logging", () => {
  it("stamps app, function, run and event ids and the attempt on every line of a run", async () => {
    const { client, logs } = app();
    const fn = client.createFunction({ id: "greet", triggers: { event: "t/greet" } }, async ({ step, logger }) => {
      logger.info("starting");
      const name = await step.run("load-name", () => "Ada");
      logger.info({ name }, "loaded");
      return name;
    });
    const { error } = await createTestEngine(fn, { events: [{ name: "t/greet", data: {} }] }).execute();
    expect(error).toBeUndefined();

    const runLines = logs.lines().filter((l) => l["functionId"] !== undefined);
    expect(runLines.map((l) => l["msg"])).toEqual(["starting", "step finished", "loaded"]);
    for (const line of runLines) {
      expect(ids(line)).toEqual({ appId: "log-app", functionId: "greet", runId: expect.any(String) as unknown, eventId: expect.any(String) as unknown, attempt: 0 });
    }
  });

  it("logs each line once per run, not once per request (replays are silent)", async () => {
    const { client, logs } = app();
    const fn = client.createFunction({ id: "replay", triggers: { event: "t/replay" } }, async ({ step, logger }) => {
      logger.info("top of the function");
      await step.run("a", () => 1);
      await step.run("b", () => 2);
      logger.info("end of the function");
    });
    const run = await runThroughServeHandler({ functionSlug: "log-app-replay", event: { name: "t/replay", data: {} }, handler: serve({ client, functions: [fn] }) });
    expect(run.status).toBe("Completed");
    const messages = logs.lines().filter((l) => l["runId"] === run.runId).map((l) => l["msg"]);
    expect(messages.filter((m) => m === "top of the function")).toHaveLength(1);
    expect(messages.filter((m) => m === "end of the function")).toHaveLength(1);
  });

  it("stamps the ids on lines not written through ctx.logger: the SDK's own, a module logger's", async () => {
    const { client, logs } = app();
    const root = getStudioLogger(client);
    const fn = client.createFunction({ id: "fails", retries: 1, triggers: { event: "t/fails" } }, async ({ step }) => {
      await step.run("work", () => root.info("written with the app's root logger"));
      throw new Error("gave up");
    });
    const run = await runThroughServeHandler({
      functionSlug: "log-app-fails",
      event: { name: "t/fails", data: {} },
      maxAttempts: 2,
      handler: serve({ client, functions: [fn] }),
    });
    expect(run.status).toBe("Failed");
    const expected = { appId: "log-app", functionId: "fails", runId: run.runId, eventId: run.eventId };
    const rootLine = logs.lines().find((l) => l["msg"] === "written with the app's root logger");
    expect(rootLine).toMatchObject({ ...expected, attempt: 0 });
    // The SDK logs the function error through its built-in logger middleware, once per attempt.
    const sdkErrors = logs.lines().filter((l) => l["msg"] === "Inngest function error");
    expect(sdkErrors.map((l) => ({ ...ids(l) }))).toEqual([
      { ...expected, attempt: 0 },
      { ...expected, attempt: 1 },
    ]);
  });

  it("never writes a secret: event data.encrypted, auth headers, keys (even inside a message)", async () => {
    const { client, logs } = app();
    const fn = client.createFunction({ id: "leaky", retries: 0, triggers: { event: "t/leaky" } }, async ({ event, step, logger }) => {
      logger.info({ event }, "received");
      logger.info({ data: event.data, nested: { deeper: { payload: event.data } } }, "data");
      logger.info({ request: { headers: { authorization: "Bearer token-abc-123", "x-inngest-signature": "t=1&s=abc" } } }, "call");
      logger.warn(`config: signing ${SIGNING_KEY}, event ${EVENT_KEY}, encryption ${TEST_ENCRYPTION_KEY}`);
      logger.info({ STUDIO_ENCRYPTION_KEY: "whatever-its-value", INNGEST_SIGNING_KEY: "x" }, "env dump");
      const copy = await step.run("copy", () => event.data.encrypted as { ssn: string });
      await step.sendEvent("forward", { name: "t/forwarded", data: { encrypted: copy } });
      throw new Error("failed after reading the data");
    });
    const run = await runThroughServeHandler({
      functionSlug: "log-app-leaky",
      event: { name: "t/leaky", data: { orderId: "o-1", encrypted: { ssn: SECRET } } },
      maxAttempts: 1,
      handler: serve({ client, functions: [fn] }),
    });
    expect(run.status).toBe("Failed");

    // The forwarded event left encrypted; the log shows neither it nor the ssn.
    expect(sink.events.at(-1)?.data?.["encrypted"]).toMatchObject({ __ENCRYPTED__: true });
    const text = logs.text();
    expect(logs.raw.length).toBeGreaterThan(5);
    for (const secret of [SECRET, "token-abc-123", "t=1&s=abc", SIGNING_KEY, SIGNING_KEY.slice(13), EVENT_KEY, TEST_ENCRYPTION_KEY, "whatever-its-value"]) {
      expect(text).not.toContain(secret);
    }
    // The rest stays readable.
    const received = logs.lines().find((l) => l["msg"] === "received") as { event: { data: unknown } };
    expect(received.event.data).toEqual({ orderId: "o-1", encrypted: "[redacted]" });
    expect(logs.lines().find((l) => l["msg"]?.toString().startsWith("config:"))?.["msg"]).toBe(
      "config: signing [redacted], event [redacted], encryption [redacted]",
    );
  });
});
