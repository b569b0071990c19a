import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { reminderScheduled, reminderScheduledV2, type EventData } from "@studio/events";
import { createStudioClient, decryptAll } from "@studio/middleware";
import { collectLogLines, testEnv, TEST_ENCRYPTION_KEY } from "@studio/middleware/testing";
import { startStack, type Stack } from "@studio/dev-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOutsideServices, type OutsideServices } from "../testing/outside-services.ts";

// Where a reminder's own URL (event data) may send the worker, and what reaches Inngest, against
// the real worker process and a real Dev Server. Local test servers on 127.0.0.1 play the
// reminder targets; the worker gets the development allowance for loopback (as ./pnpm dev does).
describe("outbound calls from event data, and credentials, end to end", () => {
  let stack: Stack;
  let services: OutsideServices;
  let internal: Server;
  let internalHits = 0;
  let producer: ReturnType<typeof createStudioClient>;

  beforeAll(async () => {
    services = await startOutsideServices();
    // "Internal" service: nothing may ever reach it (it stands for metadata, admin consoles...).
    internal = createServer((_req, res) => {
      internalHits++;
      res.end("secret internal data");
    });
    await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
    stack = await startStack({
      apps: ["worker"],
      persist: true, // the last test reads every file the Dev Server stored
      env: {
        worker: {
          ...services.env,
          STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
          LOG_LEVEL: "warn",
          EVENT_TARGET_HOSTS: "127.0.0.1",
          EVENT_TARGET_ALLOW_PRIVATE: "1",
        },
      },
    });
    // Producers send through a Studio client, as the web app does: data.encrypted leaves encrypted.
    producer = createStudioClient({
      id: "e2e-producer",
      env: testEnv({ INNGEST_DEV: stack.devServer.url, LOG_LEVEL: "silent" }),
      logDestination: collectLogLines().destination,
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await services?.stop();
    await new Promise((resolve) => internal?.close(resolve));
  });

  const now = () => new Date().toISOString();
  const v2 = (target: EventData<typeof reminderScheduledV2>["encrypted"]["target"]) => ({
    reminderId: `reminder_${randomUUID()}`,
    sendAt: now(),
    encrypted: { target, subject: "Kick-off", message: "Tomorrow at 10:00" },
  });
  const send = async (event: Parameters<typeof producer.send>[0]) => (await producer.send(event)).ids[0]!;
  const runsOf = async (eventId: string) => stack.api.waitForRuns(eventId, { timeoutMs: 60_000 });

  it("delivers a v2 and a v1 webhook reminder, each by exactly one run", async () => {
    const second = v2({ channel: "webhook", url: `${services.url}/hooks/v2` });
    const first = { reminderId: `reminder_${randomUUID()}`, sendAt: now(), channel: "webhook" as const, encrypted: { to: `${services.url}/hooks/v1`, subject: "s", message: "m" } };
    const ids = [await send(reminderScheduledV2.create(second)), await send(reminderScheduled.create(first))];
    for (const id of ids) expect((await runsOf(id)).map((r) => r.status)).toEqual(["COMPLETED"]);
    expect(services.received("/hooks/v2").map((r) => r.body)).toEqual([{ text: "Kick-off\nTomorrow at 10:00" }]);
    expect(services.received("/hooks/v1").map((r) => r.body)).toEqual([{ text: "s\nm" }]);
    for (const id of ids) expect(await stack.api.runsForEvent(id)).toHaveLength(1); // one trigger matched each
  });

  it.each([
    ["a host that is not allowed (localhost, pointing at an internal service)", () => `http://localhost:${(internal.address() as AddressInfo).port}/steal?token=abc`],
    ["the cloud metadata endpoint", () => "http://169.254.169.254/latest/meta-data/iam/security-credentials/"],
  ])("refuses %s: the run fails at once, nothing is sent, the alert names no path", async (_what, url) => {
    const reminder = v2({ channel: "webhook", url: url() });
    const eventId = await send(reminderScheduledV2.create(reminder));
    const [run] = await runsOf(eventId);
    expect(run?.status).toBe("FAILED");
    expect(internalHits).toBe(0);
    const output = await stack.api.output(run!.run_id);
    expect(output.error).toMatchObject({ name: "TargetRefusedError" });

    // The failure handler reported it: plaintext automation.failed event and team alert, no path or query.
    const [failed] = await stack.api.waitForEvents("studio/automation.failed", (e) => (e.data["runId"] as string) === run!.run_id);
    const alert = await services.waitFor("the team alert", () =>
      services.received("/webhook").find((r) => (r.body as { text: string }).text.includes(reminder.reminderId)),
    );
    for (const text of [JSON.stringify(failed), JSON.stringify(alert.body), JSON.stringify(output)]) {
      expect(text).toContain("TargetRefusedError");
      expect(text).not.toMatch(/steal|token=abc|meta-data|security-credentials/);
    }
  });

  // Last: it stops the Dev Server to read its files.
  it("stores no credential in what Inngest records: the team alert went with its token, from the worker", async () => {
    const eventId = await send(reminderScheduledV2.create(v2({ channel: "webhook", url: "http://169.254.169.254/" })));
    const [run] = await runsOf(eventId);
    const failureSlug = "studio-worker-send-reminder-failure";
    const alert = await services.waitFor("an alert with the token", () =>
      services.received("/webhook").find((r) => (r.body as { text: string }).text.includes(run!.run_id)),
    );
    expect(alert.headers.authorization).toBe(`Bearer ${services.env.WEBHOOK_TOKEN}`); // the token was used...
    const [failureRun] = await stack.api.runIdsOf(failureSlug, new Date(Date.now() - 120_000));
    expect(failureRun).toBeDefined();
    await stack.api.waitForRun(failureRun!, { timeoutMs: 30_000 });
    // ...and is nowhere in what the server stored for either run (trace, step inputs and outputs, metadata).
    const stored = JSON.stringify([await stack.api.runRecord(run!.run_id), await stack.api.runRecord(failureRun!)]);
    expect(stored).toContain("report-automation-failed"); // the record holds the failure handler's steps
    for (const credential of [services.env.WEBHOOK_TOKEN!, services.env.WEBHOOK_URL!, services.env.EMAIL_API_KEY!]) {
      expect(stored).not.toContain(credential);
    }
    // Decrypted, the stored step outputs hold no credential either (secrets are scrubbed before encryption).
    expect(JSON.stringify(await decryptAll(JSON.parse(stored), [TEST_ENCRYPTION_KEY]))).not.toContain(services.env.WEBHOOK_TOKEN!);
    // Nor does anything the server wrote to disk, for every run of this suite.
    const onDisk = await stack.devServer.stopAndReadStore();
    expect(onDisk).toContain("studio-worker-send-reminder-failure");
    for (const credential of [services.env.WEBHOOK_TOKEN!, services.env.WEBHOOK_URL!, services.env.EMAIL_API_KEY!]) {
      expect(onDisk).not.toContain(credential);
    }
  });
});
