import { randomUUID } from "node:crypto";
import { briefSubmittedFixtures } from "@studio/events/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@studio/dev-server";
import { endedRun, redeployWorker, runResult, startWorkerStack, stepSpans, type WorkerStack } from "../e2e/stack.ts";
import { type Received } from "../testing/outside-services.ts";

// intake-brief on the real Dev Server with the real AI app, whose model is a local stand-in that
// takes MODEL_MS to answer, so the analysis is long enough to approve or withdraw during it.
// Approval waits: 6s before the reminder, 20s in all (generous: ten intakes and their analyses run
// at once, and a loaded machine stretches every step). Every scenario has its own brief.
const MODEL_MS = 1500;
const NOTIFY_MS = 1500;
const REMINDER_AFTER_MS = 6000;

describe("intake-brief end to end: no decision is lost", () => {
  let w: WorkerStack;
  beforeAll(async () => {
    w = await startWorkerStack({ worker: { APPROVAL_REMINDER_AFTER: `${REMINDER_AFTER_MS / 1000}s`, APPROVAL_TIMEOUT: "20s" }, ai: { AI_THROTTLE: "off" } });
    w.services.slow("/v1/chat/completions", MODEL_MS);
  });
  afterAll(async () => {
    await w?.stop();
  });

  const submit = async (briefId: string, id?: string) => {
    const data = { ...briefSubmittedFixtures.valid[0], briefId, title: `Campaign ${briefId}` };
    const [eventId] = await w.stack.api.send({ name: "studio/brief.submitted", data, ...(id ? { id } : {}) });
    return eventId!;
  };
  const about = (briefId: string) => (r: Received) => JSON.stringify(r.body).includes(briefId);
  const inFlight = (path: string, briefId: string, what: string) =>
    w.services.waitFor(`${what} for ${briefId} in flight`, () => w.services.received(path).find((r) => about(briefId)(r) && r.doneAt === undefined), 30_000);
  const teamMessages = (briefId: string) =>
    w.services.received("/webhook").map((r) => (r.body as { text: string }).text).filter((t) => t.includes(briefId));
  const reminders = (briefId: string) =>
    w.services.received("/email").filter((r) => (r.body as { subject: string }).subject.startsWith("Waiting for your approval") && about(briefId)(r));
  const approve = (briefId: string) => w.stack.api.send({ name: "studio/brief.approved", data: { briefId, approvedBy: "op_1", decisionId: randomUUID() } });
  const withdraw = (briefId: string) => w.stack.api.send({ name: "studio/brief.withdrawn", data: { briefId, decisionId: randomUUID() } });
  /** Approvals the run's look-back sent again (their ids end in ":relayed:<wait>"). */
  const relayed = async (briefId: string) =>
    (await w.stack.api.events("studio/brief.approved")).filter((e) => e.data["briefId"] === briefId && e.id.includes(":relayed:"));
  const result = async (eventId: string) => {
    const run = await endedRun(w.stack, eventId, 60_000);
    return { ...run, output: run.status === "COMPLETED" ? await runResult<{ outcome: string; approvedBy?: string }>(w.stack, run.runId) : undefined };
  };

  it("takes an approval or a withdrawal sent at any moment after submission", async () => {
    const ids = Object.fromEntries(
      ["soon", "analysis", "notify", "reminded", "none", "wAnalysis", "wNotify", "wReminded"].map((k) => [k, `brief_${k}_${randomUUID()}`]),
    ) as Record<string, string>;
    // The notification of two briefs is slow, to decide during it.
    for (const key of ["notify", "wNotify"]) {
      w.services.script("/webhook", [{ status: 200, body: "ok", delayMs: NOTIFY_MS }], (r) => (r.body as { text: string }).text.startsWith(`New brief ${ids[key]}`));
    }
    const events = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([k, id]) => [k, await submit(id)] as const)));
    // Decided in the same request as the submission, before it: no wait can exist yet.
    for (const [key, name, extra] of [["before", "studio/brief.approved", { approvedBy: "op_1" }], ["wBefore", "studio/brief.withdrawn", {}]] as const) {
      const briefId = `brief_${key}_${randomUUID()}`;
      ids[key] = briefId;
      const [, submitted] = await w.stack.api.send([
        { name, data: { briefId, ...extra, decisionId: randomUUID() } },
        { name: "studio/brief.submitted", data: { ...briefSubmittedFixtures.valid[0], briefId, title: `Campaign ${briefId}` } },
      ]);
      events[key] = submitted!;
    }
    const sentAt: Record<string, number> = {};
    const decide = async (key: string, moment: () => Promise<unknown>, send: (id: string) => Promise<unknown>) => {
      await moment();
      sentAt[key] = Date.now();
      await send(ids[key]!);
    };
    await Promise.all([
      decide("soon", () => new Promise((r) => setTimeout(r, 1000)), approve), // the report: approve 1 s after submitting
      decide("analysis", () => inFlight("/v1/chat/completions", ids["analysis"]!, "the model call"), approve),
      decide("notify", () => inFlight("/webhook", ids["notify"]!, "the team message"), approve),
      decide("reminded", () => w.services.waitFor("the reminder", () => reminders(ids["reminded"]!)[0], 30_000), approve),
      decide("wAnalysis", () => inFlight("/v1/chat/completions", ids["wAnalysis"]!, "the model call"), withdraw),
      decide("wNotify", () => inFlight("/webhook", ids["wNotify"]!, "the team message"), withdraw),
      decide("wReminded", () => w.services.waitFor("the reminder", () => reminders(ids["wReminded"]!)[0], 30_000), withdraw),
    ]);
    const ended = Object.fromEntries(await Promise.all(Object.entries(events).map(async ([k, e]) => [k, await result(e)] as const)));

    // Each decision really came at that moment: before the analysis ended, while the model (or the
    // team webhook) was still answering, after the reminder.
    expect(w.services.received("/v1/chat/completions").find(about(ids["soon"]!))?.doneAt ?? Infinity).toBeGreaterThan(sentAt["soon"]!);
    for (const key of ["analysis", "wAnalysis"]) {
      const call = w.services.received("/v1/chat/completions").find(about(ids[key]!))!;
      expect(call.doneAt).toBeGreaterThan(sentAt[key]!);
    }
    for (const key of ["notify", "wNotify"]) {
      const call = w.services.received("/webhook").find((r) => (r.body as { text: string }).text.startsWith(`New brief ${ids[key]}`))!;
      expect(call.doneAt).toBeGreaterThan(sentAt[key]!);
    }

    // Every side effect happened once per brief, whatever arrived while it was in flight.
    for (const [key, briefId] of Object.entries(ids)) {
      const calls = w.services.received("/v1/chat/completions").filter(about(briefId)).length;
      // Withdrawn before it started: the run ends before asking for an analysis.
      expect([key, calls]).toEqual([key, key === "wBefore" ? 0 : 1]);
      const told = key === "wAnalysis" || key === "wBefore" ? 0 : 1;
      expect([key, teamMessages(briefId).filter((t) => t.startsWith("New brief")).length]).toEqual([key, told]);
    }
    for (const key of ["before", "soon", "analysis", "notify", "reminded"]) {
      expect([key, ended[key]!.status, ended[key]!.output?.outcome]).toEqual([key, "COMPLETED", "approved"]);
    }
    expect(reminders(ids["reminded"]!)).toHaveLength(1);
    // An approval sent before the first wait ended needs no reminder.
    for (const key of ["before", "soon", "analysis", "notify"]) expect([key, reminders(ids[key]!)]).toEqual([key, []]);
    expect(ended["none"]).toMatchObject({ status: "COMPLETED", output: { outcome: "expired" } });
    expect(reminders(ids["none"]!)).toHaveLength(1);
    expect(teamMessages(ids["none"]!).at(-1)).toMatch(/expired without approval after 20s; its slot is released/);

    for (const key of ["wAnalysis", "wNotify", "wReminded"]) {
      expect([key, ended[key]!.status]).toEqual([key, "CANCELLED"]);
      await w.services.waitFor(`the cleanup of ${key}`, () => teamMessages(ids[key]!).find((t) => t.startsWith(`Intake of brief ${ids[key]} was cancelled`)));
    }
    // Withdrawn before the run was scheduled (cancelOn cannot see it): the look-back finds it.
    expect(ended["wBefore"]).toMatchObject({ status: "COMPLETED", output: { outcome: "withdrawn" } });
    expect(teamMessages(ids["wBefore"]!)).toEqual([expect.stringMatching(/^Intake of brief \S+ was cancelled \(brief withdrawn before its intake started\)/)]);
    // Withdrawn during the analysis: the team was never told about the brief.
    expect(teamMessages(ids["wAnalysis"]!).filter((t) => t.startsWith("New brief"))).toEqual([]);

    // Decisions sent before the run reached its wait were found by the look-back and relayed once.
    // (The one sent after the reminder email arrived may beat the second wait's registration too,
    // and then it is relayed as well.)
    const relays: Record<string, number> = {};
    for (const key of ["before", "soon", "analysis", "notify", "reminded"]) relays[key] = (await relayed(ids[key]!)).length;
    expect({ ...relays, reminded: undefined }).toEqual({ before: 1, soon: 1, analysis: 1, notify: 1, reminded: undefined });
    expect(relays["reminded"]).toBeLessThanOrEqual(1);
    const waitedAt = await Promise.all(
      ["analysis", "notify"].map(async (key) => {
        const spans = await stepSpans(w.stack, ended[key]!.runId);
        return Date.parse(spans.find((s) => s.name === "wait-for-approval")!.startedAt!) - sentAt[key]!;
      }),
    );
    console.info(
      `[figures] intake: 10 intakes at once; approvals sent with the submission, 1 s after it, during the model call and during the team message ` +
        `(the wait registered ${waitedAt.join(" and ")} ms after the last two) were relayed by the look-back and taken; the one after the reminder ` +
        `${relays["reminded"] ? "was relayed too (sent before the second wait existed)" : "was taken by the second wait"}; ` +
        `4 withdrawals (same moments) ended their runs; every model call and team message once`,
    );
  });

  it("two submissions of one brief with different event ids start one intake (idempotency by briefId)", async () => {
    const briefId = `brief_${randomUUID()}`;
    const first = await submit(briefId, `first-${randomUUID()}`);
    const second = await submit(briefId, `second-${randomUUID()}`);
    expect(first).not.toBe(second);
    await w.services.waitFor("the team message", () => teamMessages(briefId).find((t) => t.startsWith(`New brief ${briefId}`)), 30_000);
    // Either submission may be taken first (the Dev Server handles events concurrently).
    const runsOf = async () => [...(await w.stack.api.runsForEvent(first)), ...(await w.stack.api.runsForEvent(second))];
    const [run] = await eventually("the intake run", async () => {
      const listed = await runsOf();
      return listed.length > 0 && listed;
    });
    await withdraw(briefId);
    await w.stack.api.waitForRun(run!.run_id);
    // The other submission started nothing: still one run once the first has ended.
    expect((await runsOf()).map((r) => r.run_id)).toEqual([run!.run_id]);
    expect(teamMessages(briefId).filter((t) => t.startsWith("New brief"))).toHaveLength(1);
  });

  // docs/runbooks/worker-intake-brief.md, "When it fails" and "To stop a brief", step by step.
  it("the runbook's recovery works: a failed intake is compensated, re-sending is ignored, a rerun completes; a cancelled run is cleaned up", async () => {
    const briefId = `brief_${randomUUID()}`;
    // The cause: the team webhook rejects the "New brief" message once (then it is "fixed").
    w.services.script("/webhook", [{ status: 403, body: "token revoked for ops@studio.example" }], (r) => (r.body as { text: string }).text.startsWith(`New brief ${briefId}`));
    const failedEvent = await submit(briefId);
    const failed = await endedRun(w.stack, failedEvent);
    expect(failed.status).toBe("FAILED");
    // The failure handler released the slot, reported (compensated) and alerted, without the address.
    const [report] = await w.stack.api.waitForEvents("studio/automation.failed", (e) => e.data["runId"] === failed.runId);
    expect(report!.data).toMatchObject({ app: "studio-worker", functionId: "intake-brief", compensated: true, trigger: { name: "studio/brief.submitted" } });
    expect((report!.data["error"] as { message: string }).message).toMatch(/^webhook rejected the request with HTTP 403 \(a 36-character text\/plain answer, not quoted\)/);
    expect(JSON.stringify(report!.data)).not.toMatch(/token revoked|ops@studio/); // the answer is never copied
    await w.services.waitFor("the alert", () => teamMessages(briefId).find((t) => t.startsWith(`:warning: intake-brief failed for brief ${briefId}`)));
    expect(teamMessages(briefId)).toContain(
      `Brief ${briefId}: intake failed, so its held slot is released. Once the cause is fixed, rerun the failed run from the Inngest dashboard (docs/runbooks/worker-intake-brief.md).`,
    );

    // Step 3 says a plain re-send is ignored (idempotency per brief): it starts nothing.
    const resent = await submit(briefId, `resend-${randomUUID()}`);
    // Step 3: rerun the failed run instead (the dashboard's "Rerun" is this mutation).
    const { rerun } = await w.stack.api.graphql<{ rerun: string }>("mutation($id: ULID!) { rerun(runID: $id) }", { id: failed.runId });
    await eventually("the rerun to wait for approval", async () => (await stepSpans(w.stack, rerun)).some((s) => s.name === "wait-for-approval"));
    await approve(briefId);
    const rerunEnded = await w.stack.api.waitForRun(rerun);
    expect(rerunEnded.status).toBe("COMPLETED");
    expect(await runResult(w.stack, rerun)).toMatchObject({ outcome: "approved", briefId });
    expect(await w.stack.api.runsForEvent(resent)).toEqual([]);

    // "To stop a brief": cancelling the run by hand also runs the cleanup.
    const stopped = `brief_${randomUUID()}`;
    const stoppedEvent = await submit(stopped);
    const [stoppedRun] = await eventually("the run to stop", async () => {
      const listed = await w.stack.api.runsForEvent(stoppedEvent);
      return listed.length > 0 && listed;
    });
    await w.stack.api.cancel(stoppedRun!.run_id);
    expect((await w.stack.api.waitForRun(stoppedRun!.run_id)).status).toBe("CANCELLED");
    await w.services.waitFor("the cleanup", () => teamMessages(stopped).find((t) => t.startsWith(`Intake of brief ${stopped} was cancelled`)));
  });

  // Last in the file: it redeploys the worker with other settings.
  it("an intake keeps the approval timeouts it started with across a deploy that changes them; new intakes take the new ones", async () => {
    const waitingSince = async (eventId: string) => {
      const spans = await eventually("the intake to wait for approval", async () => {
        const [run] = await w.stack.api.runsForEvent(eventId);
        const listed = run ? await stepSpans(w.stack, run.run_id) : [];
        return listed.some((s) => s.name === "wait-for-approval" && s.startedAt) && listed;
      });
      return Date.parse(spans.find((s) => s.name === "wait-for-approval")!.startedAt!);
    };
    const before = `brief_deploy_before_${randomUUID()}`;
    const beforeEvent = await submit(before);
    await waitingSince(beforeEvent);
    await redeployWorker(w, { APPROVAL_REMINDER_AFTER: "1h", APPROVAL_TIMEOUT: "2h" });
    const after = `brief_deploy_after_${randomUUID()}`;
    const afterEvent = await submit(after);
    const afterWaitingSince = await waitingSince(afterEvent);

    // The run started before the deploy reminds after 6 s and expires after 20 s, as it started.
    const old = await result(beforeEvent);
    expect(old).toMatchObject({ status: "COMPLETED", output: { outcome: "expired" } });
    expect(reminders(before)).toHaveLength(1);
    expect(teamMessages(before).at(-1)).toMatch(/expired without approval after 20s; its slot is released/);
    // The one started after it holds its slot for 2 h, and is not reminded after the old 6 s.
    const heldFor = (briefId: string) => {
      const told = teamMessages(briefId).find((t) => t.startsWith("New brief"))!;
      return Date.parse(/Slot held until (\S+?),/.exec(told)![1]!) - w.services.received("/webhook").find((r) => (r.body as { text: string }).text === told)!.at;
    };
    expect(heldFor(after)).toBeGreaterThan(3_600_000);
    expect(heldFor(before)).toBeLessThan(60_000);
    await w.services.waitFor("the new run to have waited past the old reminder time", () => Date.now() > afterWaitingSince + REMINDER_AFTER_MS + 3000 || undefined, 30_000);
    expect(reminders(after)).toEqual([]);
    await withdraw(after);
    expect((await endedRun(w.stack, afterEvent)).status).toBe("CANCELLED");
    console.info(
      `[figures] intake across a deploy: the run started before it was reminded once and expired after 20s (its start-time settings); ` +
        `the run started after it holds its slot ${Math.round(heldFor(after) / 60_000)} min and had no reminder ${Math.round((Date.now() - afterWaitingSince) / 1000)} s into its wait`,
    );
  });
});
