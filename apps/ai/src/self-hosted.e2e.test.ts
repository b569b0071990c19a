import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { automationFailed, briefApproved, briefSubmitted, dedupeId, diagnosticsPinged, projectCreated, reminderScheduled } from "@studio/events";
import { briefSubmittedFixtures } from "@studio/events/fixtures";
import { eventually, startSelfHostedStack, type SelfHostedStack } from "@studio/dev-server";
import { createStudioClient, decryptAll, DEV_ONLY_ENCRYPTION_KEY, parseEnv, studioEnvSchema, type StudioClient } from "@studio/middleware";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recorded } from "./providers/fixtures/index.ts";
import { startModelTestServer, type ModelTestServer } from "./testing/model-test-server.ts";
import { startRequestSink, type RequestSink } from "./testing/request-sink.ts";

// The production path on one machine: Inngest's self-hosted server (`inngest start`) on a real
// Postgres and Redis, the web console, the worker and this app in cloud mode with exactly the variables a
// deployment sets (signing key, event key, a real encryption key, the engine's URL), synced by the
// engine itself (`--sdk-url`: a signed PUT), as a self-hosted deployment is set up. Events come from a producer built like the web app's: the shared client
// factory with the deployment's keys, so personal data is encrypted before it is sent.
let models: ModelTestServer;
let sink: RequestSink;
let stack: SelfHostedStack;
let producer: StudioClient;
let webDataDir: string;
/** The web console's all-scopes API token (STUDIO_DEV_API_TOKEN): the console is the producer of the web test. */
const WEB_API_TOKEN = `self-hosted-${randomUUID()}`;

beforeAll(async () => {
  models = await startModelTestServer();
  sink = await startRequestSink();
  webDataDir = await mkdtemp(path.join(tmpdir(), "self-hosted-web-"));
  stack = await startSelfHostedStack({
    apps: ["web", "worker", "ai"],
    // A cold `next dev` compile of the console's serve route, on a busy machine.
    readyTimeoutMs: 300_000,
    env: {
      web: { LOG_LEVEL: "warn", STUDIO_DATA_DIR: webDataDir, STUDIO_NEXT_DIST_DIR: ".next/e2e-self-hosted", STUDIO_DEV_API_TOKEN: WEB_API_TOKEN },
      worker: {
        LOG_LEVEL: "warn",
        WEBHOOK_URL: `${sink.url}/webhook`,
        EMAIL_API_URL: `${sink.url}/email`,
        RENDITION_URL: `${sink.url}/rendition`,
        // Long enough that the briefs of the restart scenario still wait when the engine comes back.
        APPROVAL_REMINDER_AFTER: "2m",
        APPROVAL_TIMEOUT: "4m",
      },
      ai: { LOG_LEVEL: "warn", AI_PROVIDER: "openai-compatible", AI_BASE_URL: models.baseUrl, AI_MODEL: "studio-primary", WEBHOOK_URL: `${sink.url}/webhook` },
    },
  });
  producer = createStudioClient({ id: "e2e-producer", env: parseEnv("e2e-producer", studioEnvSchema, { ...stack.deploymentEnv, LOG_LEVEL: "warn" }) });
}, 420_000);

afterAll(async () => {
  await stack?.stop();
  await sink?.stop();
  await models?.stop();
  if (webDataDir) await rm(webDataDir, { recursive: true, force: true });
});

const teamMessages = (text: string) => sink.received.filter((r) => r.path === "/webhook" && JSON.stringify(r.body).includes(text));
const emails = (text: string) => sink.received.filter((r) => r.path === "/email" && JSON.stringify(r.body).includes(text));

async function submitBrief(briefId: string): Promise<string> {
  const base = briefSubmittedFixtures.valid[0];
  const { ids } = await producer.send(
    briefSubmitted.create({ ...base, briefId, encrypted: { ...base.encrypted, description: `Key visuals and a loop for social (${briefId}).` } }),
  );
  return ids[0]!;
}

async function scheduleReminder(reminderId: string, sendAt: Date): Promise<string> {
  // Sent without `ts`: the run starts now and sleeps until sendAt (send-reminder's sleepUntil).
  const { ids } = await producer.send(
    reminderScheduled.create({ reminderId, sendAt: sendAt.toISOString(), channel: "email", encrypted: { to: "ops@example.com", subject: `Reminder ${reminderId}`, message: "Due now." } }),
  );
  return ids[0]!;
}

/** The worker's run an event started, once the engine has scheduled it (the web console's projections run for it too). */
async function runOf(eventId: string): Promise<string> {
  return eventually(`the worker's run of event ${eventId}`, async () => {
    for (const run of await stack.api.runsForEvent(eventId)) if ((await stack.api.functionOf(run.run_id)).startsWith("studio-worker-")) return run.run_id;
    return false;
  });
}

async function untilWaiting(runId: string, step: string): Promise<void> {
  await eventually(`run ${runId} to wait on ${step}`, async () => (await stack.api.waitingSteps(runId)).includes(step), 30_000);
}

describe("the self-hosted engine with the apps in cloud mode", () => {
  it("holds the apps to their keys: unsigned calls and unknown event keys are refused", async () => {
    const unsigned = await fetch(stack.apps.worker!.serveUrl, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(unsigned.status).toBe(401);
    // Syncs too: the engine synced the apps itself (--sdk-url, signed); an unsigned PUT is refused.
    for (const app of [stack.apps.web!, stack.apps.worker!, stack.apps.ai!]) expect((await fetch(app.serveUrl, { method: "PUT" })).status).toBe(401);
    const wrongKey = await fetch(`${stack.engine.url}/e/not-the-key`, { method: "POST", body: JSON.stringify({ name: "studio/x", data: {} }) });
    expect(wrongKey.status).toBe(401);
    const apps = await stack.api.apps();
    expect(apps.map((a) => a.name).sort()).toEqual(["studio-ai", "studio-web", "studio-worker"]);
    expect(apps.every((a) => a.error === null)).toBe(true);
  });

  it("runs the studio flow: brief → analysis in the AI app (the app calls the model: wrap, the cloud default) → approval → project", async () => {
    const briefId = `brief_${randomUUID()}`;
    const submittedId = await submitBrief(briefId);

    // What the engine stored is ciphertext: the producer encrypted the brief's personal data.
    const stored = await stack.api.event(submittedId);
    expect(JSON.stringify(stored.data)).not.toContain(briefId.slice(6) + ").");
    expect(stored.data["encrypted"]).toMatchObject({ __ENCRYPTED__: true });

    const expected = JSON.parse(recorded.openai.briefAnalysis.body.choices[0]!.message.content) as { summary: string; estimate: { hours: number } };
    const [message] = await eventually(`the team message for ${briefId}`, () => Promise.resolve(teamMessages(`New brief ${briefId}`).length > 0 && teamMessages(`New brief ${briefId}`)));
    expect(JSON.stringify(message!.body)).toContain(`AI estimate ~${expected.estimate.hours}h`);
    const calls = models.chatRequests().filter((r) => JSON.stringify(r.body).includes(briefId));
    expect(calls).toHaveLength(1);
    // Cloud mode defaults to wrap: the app makes the call, so the brief text and the key never reach the engine.
    expect(calls[0]!.headers["user-agent"]).not.toBe("Inngest");

    const runId = await runOf(submittedId);
    await untilWaiting(runId, "wait-for-approval");
    await producer.send(briefApproved.create({ briefId, approvedBy: "op_self_hosted" }));
    expect((await stack.api.waitForRun(runId)).status).toBe("COMPLETED");

    // The result is encrypted with the deployment's key, not the built-in dev key.
    const { data } = await stack.api.output(runId);
    expect(await decryptAll(data, [stack.keys.encryptionKey])).toMatchObject({ outcome: "approved", briefId, approvedBy: "op_self_hosted" });
    await expect(decryptAll(data, [DEV_ONLY_ENCRYPTION_KEY])).rejects.toThrow();
    const projects = await stack.api.waitForEvents(projectCreated.name, (e) => e.data["briefId"] === briefId);
    expect(projects).toHaveLength(1);
    // The model's summary of the brief is not in this plaintext event (it travels encrypted).
    expect(projects[0]!.data).not.toHaveProperty("summary");
    expect(JSON.stringify(projects[0]!.data)).not.toContain(expected.summary);
  });

  it("takes the flow from the web console: its API sends the brief and the approval, its projections record them", async () => {
    const briefId = `brief_web_${randomUUID()}`;
    const post = async (key: string, body: unknown) => {
      const res = await fetch(`${stack.apps.web!.url}/api/events/${key}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${WEB_API_TOKEN}` },
        body: JSON.stringify(body),
      });
      expect(res.status, await res.clone().text()).toBe(202);
      return ((await res.json()) as { ids: string[] }).ids[0]!;
    };
    const base = briefSubmittedFixtures.valid[0];
    const submittedId = await post("brief.submitted", { ...base, briefId });
    // The console encrypted the personal fields with the deployment's key before sending.
    const stored = await stack.api.event(submittedId);
    expect(stored.data["encrypted"]).toMatchObject({ __ENCRYPTED__: true });
    expect(JSON.stringify(stored.data)).not.toContain(base.encrypted.contactEmail);

    const runId = await runOf(submittedId);
    await untilWaiting(runId, "wait-for-approval");
    await post("brief.approved", { briefId, approvedBy: "op_web", decisionId: `decision_${randomUUID()}` });
    expect((await stack.api.waitForRun(runId)).status).toBe("COMPLETED");
    const [project] = await stack.api.waitForEvents(projectCreated.name, (e) => e.data["briefId"] === briefId);

    // The console's read model ran on the same engine, signed: one projection per event, completed.
    const projections = async (eventId: string) => {
      const runs = await stack.api.runsForEvent(eventId);
      const slugs = await Promise.all(runs.map(async (r) => [await stack.api.functionOf(r.run_id), (await stack.api.waitForRun(r.run_id)).status] as const));
      return slugs.filter(([slug]) => slug.startsWith("studio-web-"));
    };
    await eventually("the web projections", async () => (await projections(project!.internal_id!)).length > 0, 30_000);
    expect(await projections(submittedId)).toEqual([["studio-web-project-brief-submitted", "COMPLETED"]]);
    expect(await projections(project!.internal_id!)).toEqual([["studio-web-project-project-created", "COMPLETED"]]);
  });

  it("brings a failure to its handlers: the model fails for good, analyse-brief and intake-brief report it", async () => {
    const briefId = `brief_${randomUUID()}`;
    models.script((req) => JSON.stringify(req.body).includes(briefId), [recorded.openai.serverError]);
    const submittedId = await submitBrief(briefId);
    const runId = await runOf(submittedId);

    expect((await stack.api.waitForRun(runId, { timeoutMs: 90_000 })).status).toBe("FAILED");
    const [failed] = await stack.api.waitForEvents(
      automationFailed.name,
      (e) => e.data["runId"] === runId && e.data["functionId"] === "intake-brief",
      { timeoutMs: 30_000 },
    );
    expect(failed!.data).toMatchObject({ app: "studio-worker", trigger: { name: briefSubmitted.name, id: submittedId }, compensated: true });
    await eventually("the slot release and the team alert", () =>
      Promise.resolve(teamMessages(`Brief ${briefId}: intake failed`).length === 1 && teamMessages(`intake-brief failed for brief ${briefId}`).length === 1),
    );
    // The AI app's own failure handler reported the analysis that failed (it retried against a 500 each time).
    const aiFailures = await stack.api.waitForEvents(automationFailed.name, (e) => e.data["app"] === "studio-ai" && JSON.stringify(e.data).includes("analyse-brief"));
    expect(aiFailures.length).toBeGreaterThanOrEqual(1);
    expect(models.chatRequests().filter((r) => JSON.stringify(r.body).includes(briefId)).length).toBeGreaterThan(1);
  });

  it("survives a SIGKILL of the engine while runs sleep and wait for events: every run resumes and completes once", async () => {
    const tag = randomUUID().slice(0, 8);
    const briefIds = [1, 2, 3].map((n) => `brief_restart_${tag}_${n}`);
    const briefRuns = await Promise.all(briefIds.map(async (id) => runOf(await submitBrief(id))));
    await Promise.all(briefRuns.map((run) => untilWaiting(run, "wait-for-approval")));

    // One reminder falls due while the engine is down, one after it is back.
    const dueWhileDown = new Date(Date.now() + 3_000);
    const dueAfter = new Date(Date.now() + 9_000);
    const reminders = [`reminder_${tag}_down`, `reminder_${tag}_after`];
    const reminderRuns = [await runOf(await scheduleReminder(reminders[0]!, dueWhileDown)), await runOf(await scheduleReminder(reminders[1]!, dueAfter))];
    await Promise.all(reminderRuns.map((run) => untilWaiting(run, "wait-until-send-at")));

    const killed = stack.engine.process.pid!;
    await stack.engine.crash();
    expect(() => process.kill(killed, 0)).toThrow();
    // Down past the first reminder's time: its timer fires late, after the restart.
    await new Promise((r) => setTimeout(r, Math.max(0, dueWhileDown.getTime() + 1_000 - Date.now())));
    await stack.engine.start();

    // The waits are still registered after the restart: approving now resumes every intake.
    await Promise.all(briefRuns.map((run) => untilWaiting(run, "wait-for-approval")));
    for (const briefId of briefIds) await producer.send(briefApproved.create({ briefId, approvedBy: "op_restart" }));
    const ended = await Promise.all([...briefRuns, ...reminderRuns].map((run) => stack.api.waitForRun(run, { timeoutMs: 60_000 })));
    expect(ended.map((r) => r.status)).toEqual(Array(5).fill("COMPLETED"));

    // Nothing lost, nothing twice: one project, one team message per brief; one email per reminder.
    for (const briefId of briefIds) {
      // The engine may run the emitting step again after the restart (the answer to a request in
      // flight was lost): the SDK then sends the same fact again under its deterministic id, and
      // the engine stores that copy too (its own internal id) but starts no function with it (the
      // next test shows that). So: one fact, one id, however many copies; one run, one message.
      const copies = await stack.api.waitForEvents(projectCreated.name, (e) => e.data["briefId"] === briefId);
      expect([...new Set(copies.map((e) => e.id))]).toEqual([dedupeId(projectCreated, copies[0]!.data as never)]);
      expect(teamMessages(`New brief ${briefId}`)).toHaveLength(1);
    }
    for (const reminderId of reminders) expect(emails(`Reminder ${reminderId}`)).toHaveLength(1);
  });

  it("starts functions once for an event sent twice under one id (why a re-sent fact is harmless)", async () => {
    const pingId = `ping_${randomUUID()}`;
    const repeated = diagnosticsPinged.create({ pingId }, { id: `studio/diagnostics.pinged:${pingId}` });
    const sent = [(await producer.send(repeated)).ids[0]!, (await producer.send(repeated)).ids[0]!];
    // A ping sent after both: once its runs (one per app) have ended, any run of the repeat
    // would have been scheduled too.
    const { ids: later } = await producer.send(diagnosticsPinged.create({ pingId: `${pingId}_later` }));
    await stack.api.waitForRuns(later[0]!, { count: 3 });
    const runs = new Set<string>();
    for (const id of sent) for (const run of await stack.api.runsForEvent(id)) runs.add(run.run_id);
    const slugs = await Promise.all([...runs].map((run) => stack.api.functionOf(run)));
    expect(slugs.sort()).toEqual(["studio-ai-ping", "studio-web-ping", "studio-worker-ping"]);
  });

  it("without an external Redis, the same crash loses the runs in flight (why self-hosting needs one)", async () => {
    // The engine again on the same Postgres, but with its queue and run state in process memory.
    await stack.engine.restart({ redis: false });
    const tag = randomUUID().slice(0, 8);
    const lost = `reminder_${tag}_lost`;
    const lostRun = await runOf(await scheduleReminder(lost, new Date(Date.now() + 2_000)));
    await untilWaiting(lostRun, "wait-until-send-at");
    await stack.engine.crash();
    await stack.engine.start({ redis: false });

    // A reminder scheduled after the restart is delivered on time: the engine works, it just forgot.
    const kept = `reminder_${tag}_after_restart`;
    const keptRun = await runOf(await scheduleReminder(kept, new Date(Date.now() + 2_000)));
    expect((await stack.api.waitForRun(keptRun, { timeoutMs: 30_000 })).status).toBe("COMPLETED");
    expect(emails(`Reminder ${kept}`)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 2_000)); // well past the lost reminder's time too
    expect(emails(`Reminder ${lost}`)).toHaveLength(0);
    expect(await stack.api.status(lostRun)).not.toBe("COMPLETED");
  });
});
