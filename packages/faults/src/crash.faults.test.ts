import { randomUUID } from "node:crypto";
import { crashApp, eventually, restartApp } from "@studio/dev-server";
import { assetUploadedFixtures, briefSubmittedFixtures, reminderScheduledFixtures } from "@studio/events/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFaultStack, type FaultStack } from "./harness/fault-stack.ts";
import { recordFigures } from "./harness/figures.ts";
import { type Hit } from "./harness/side-effects.ts";
import { runSteps, stepsCompleted } from "./harness/run-steps.ts";

// The worker is SIGKILLed (its whole process group: no shutdown hook runs) and started again on
// the same port while the Dev Server and the AI app keep running. The Dev Server retries every 12 s
// here (Inngest Cloud backs off from 15 s up), so a worker that takes several seconds to restart on
// a busy machine (up to 17 s seen) is back well within every function's retries (3 or 4: 36 s or more).
describe("the worker crashes and comes back", () => {
  let s: FaultStack;
  beforeAll(async () => {
    s = await startFaultStack({
      apps: ["worker", "ai"],
      retryIntervalSeconds: 12,
      // Approval waits long enough that no reminder email is due during a test.
      env: () => ({ worker: { APPROVAL_REMINDER_AFTER: "5m", APPROVAL_TIMEOUT: "10m", RENDITION_RATE: "600/1m" } }),
    });
  });
  afterAll(async () => {
    await s?.stop();
  });

  const bodyOf = (hit: Hit) => hit.body as Record<string, unknown>;
  const renditions = (assetId: string, size: string) =>
    s.fx.hits("/rendition").filter((h) => bodyOf(h).assetId === assetId && bodyOf(h).size === size);
  /** Kills the worker, waits `awayMs`, starts it again; returns when it went down and came back. */
  const crashAndRestart = async (awayMs = 0, whileDown?: () => Promise<void>) => {
    const down = Date.now();
    await crashApp(s.stack, "worker");
    await whileDown?.();
    if (awayMs) await new Promise((r) => setTimeout(r, awayMs));
    await restartApp(s.stack, "worker");
    return { down, back: Date.now() };
  };
  const ended = async (runId: string) => {
    const run = await s.stack.api.waitForRun(runId, { timeoutMs: 90_000 });
    return { ...run, at: Date.now() };
  };
  /** Figures of one recovery: what was sent and happened, how long the worker was away, how long it took. */
  const recordRecovery = (
    scenario: string,
    testName: string,
    f: { eventsSent: number; sideEffects: Record<string, number>; outage: { down: number; back: number }; run: { at: number }; sent: number },
  ) =>
    recordFigures(scenario, {
      command: `./pnpm --filter @studio/faults test:faults src/crash.faults.test.ts -t '${testName}'`,
      eventsSent: f.eventsSent,
      runsCompleted: 1,
      sideEffects: f.sideEffects,
      duplicates: 0, // asserted above
      lost: 0,
      workerDownMs: f.outage.back - f.outage.down,
      eventWhileDownMs: f.sent > f.outage.down ? f.outage.back - f.sent : 0,
      restartToCompletionMs: f.run.at - f.outage.back,
      eventToCompletionMs: f.run.at - f.sent,
    });
  const firstRunOf = async (eventId: string) =>
    (await eventually(`the run of event ${eventId}`, async () => (await s.stack.api.runsForEvent(eventId))[0])).run_id;

  it("SIGKILL while a step is executing: that step is retried, the steps already done are not run again", async () => {
    const assetId = `asset_${randomUUID()}`;
    // The rendition service keeps the "web" call open, so the worker is inside that step when it dies.
    const held = s.fx.hold("/rendition", (h) => bodyOf(h).assetId === assetId && bodyOf(h).size === "web");
    const sent = Date.now();
    const [eventId] = await s.stack.api.send({
      name: "studio/asset.uploaded",
      data: { ...assetUploadedFixtures.valid[0], assetId, projectId: `project_${assetId}` },
    });
    const runId = await firstRunOf(eventId!);
    const inFlight = await held.arrived;
    // The other two sizes (parallel steps) have finished and Inngest has stored their results.
    await eventually("render-thumb and render-print to be stored", () => stepsCompleted(s.stack.api, runId, ["render-thumb", "render-print"]));

    const outage = await crashAndRestart(0, () => {
      expect(inFlight.outcome).toBe("aborted"); // the call died with the worker, unanswered
      held.release();
      return Promise.resolve();
    });
    const run = await ended(runId);
    expect(run.status).toBe("COMPLETED");
    // Completed steps: once each. The interrupted one: the cut-off call, then the retry.
    expect(renditions(assetId, "thumb")).toHaveLength(1);
    expect(renditions(assetId, "print")).toHaveLength(1);
    expect(renditions(assetId, "web").map((h) => h.outcome)).toEqual(["aborted", "answered"]);
    const processed = await s.stack.api.waitForEvents("studio/asset.processed", (e) => e.data.assetId === assetId);
    expect(processed).toHaveLength(1);
    expect((processed[0]!.data.renditions as unknown[]).length).toBe(3);
    recordRecovery("crash-during-step", "while a step is executing", {
      eventsSent: 1,
      sideEffects: { thumb: renditions(assetId, "thumb").length, print: renditions(assetId, "print").length, web: renditions(assetId, "web").length },
      outage,
      run,
      sent,
    });
  });

  it("SIGKILL between steps (the run waits for approval, which arrives while the worker is down): the run completes, nothing done before runs again", async () => {
    const briefId = `brief_${randomUUID()}`;
    const brief = briefSubmittedFixtures.valid[0];
    // The brief's text names it, so the model call made for it can be told apart.
    const data = { ...brief, briefId, encrypted: { ...brief.encrypted, description: `Brief ${briefId}: ${brief.encrypted.description}` } };
    const sent = Date.now();
    const [eventId] = await s.stack.api.send({ name: "studio/brief.submitted", data });
    const runId = await firstRunOf(eventId!);
    // Between steps: everything before the approval is done and stored, and the run waits.
    await eventually(
      "intake-brief to have analysed the brief, told the team and be waiting for approval",
      async () => {
        const steps = await runSteps(s.stack.api, runId);
        const done = (name: string) => steps.some((step) => step.name === name && step.status === "COMPLETED");
        return done("record-brief") && done("analyse-brief") && done("notify-team") && steps.some((step) => step.name === "wait-for-approval" && step.status === "WAITING");
      },
      90_000,
    );
    const teamMessages = () => s.fx.hits("/webhook").filter((h) => String(bodyOf(h).text).includes(`New brief ${briefId}`));
    const modelCalls = () => s.fx.hits("/v1/chat/completions").filter((h) => JSON.stringify(h.body).includes(briefId));
    expect(teamMessages()).toHaveLength(1);
    expect(modelCalls()).toHaveLength(1);

    const outage = await crashAndRestart(1000, async () => {
      // The approval resumes the run while nothing serves it.
      await s.stack.api.send({ name: "studio/brief.approved", data: { briefId, approvedBy: "operator_faults" } });
    });
    const run = await ended(runId);
    expect(run.status).toBe("COMPLETED");
    // record-brief, the AI analysis (a cross-app invoke) and the team message ran before the crash only.
    expect(teamMessages()).toHaveLength(1);
    expect(modelCalls()).toHaveLength(1);
    expect(s.fx.hits("/email").filter((h) => JSON.stringify(h.body).includes(brief.title))).toEqual([]);
    const projects = await s.stack.api.waitForEvents("studio/project.created", (e) => e.data.briefId === briefId);
    // One project. The step after the crash may be sent twice if Inngest repeats a request the
    // restarting worker was slow to answer (at-least-once); the contract's dedupe id makes the
    // repeat the same event, which Inngest does not deliver to functions again.
    expect([...new Set(projects.map((e) => e.id))]).toEqual([`studio/project.created@1:${briefId}`]);
    const names = (await runSteps(s.stack.api, runId)).map((step) => step.name);
    expect(names).toContain("emit-project-created");
    recordRecovery("crash-between-steps", "between steps", {
      eventsSent: 2,
      sideEffects: {
        teamMessages: teamMessages().length,
        modelCalls: modelCalls().length,
        projectCreatedSends: projects.length,
        projectCreatedIds: new Set(projects.map((e) => e.id)).size,
      },
      outage,
      run,
      sent,
    });
  });

  it("app away: the worker is down when the event arrives; the run goes through once it is back", async () => {
    const reminderId = `reminder_${randomUUID()}`;
    const emails = () => s.fx.hits("/email").filter((h) => String(bodyOf(h).subject).includes(reminderId));
    const base = reminderScheduledFixtures.valid[0];
    let sent = 0;
    let runId = "";
    const outage = await crashAndRestart(0, async () => {
      sent = Date.now();
      const [eventId] = await s.stack.api.send({
        name: "studio/reminder.scheduled",
        data: { ...base, reminderId, sendAt: new Date().toISOString(), encrypted: { ...base.encrypted, subject: `Due now ${reminderId}` } },
      });
      runId = await firstRunOf(eventId!);
      await new Promise((r) => setTimeout(r, 2000));
      expect(emails()).toEqual([]);
      expect(await s.stack.api.status(runId)).not.toMatch(/COMPLETED|FAILED/);
    });

    const run = await ended(runId);
    expect(run.status).toBe("COMPLETED");
    expect(emails().map((h) => h.outcome)).toEqual(["answered"]);
    recordRecovery("app-away", "app away", { eventsSent: 1, sideEffects: { emails: emails().length }, outage, run, sent });
  });
});
