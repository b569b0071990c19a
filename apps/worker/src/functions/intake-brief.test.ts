import { analyseBrief, briefWithdrawn } from "@studio/events";
import { analyseBriefFixtures, briefApprovedFixtures, briefSubmittedFixtures } from "@studio/events/fixtures";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { fetchStepId, gatewayAnswer, runFunction, stepCalls, teamMessages, expectError } from "../testing/run-function.ts";
import { intakeBrief } from "./intake-brief.ts";

const brief = briefSubmittedFixtures.valid[0];
const trigger = { name: "studio/brief.submitted", data: brief, id: "studio/brief.submitted@1:brief_01" };
const approval = { name: "studio/brief.approved", id: "evt-approved", ts: 0, data: briefApprovedFixtures.valid[0] };
const analysed = analyseBriefFixtures.return.valid[0];
const ok = gatewayAnswer(200, "ok");
/** step.fetch answers for the n-th webhook call of a run. */
const webhookAnswers = (...answers: ReturnType<typeof gatewayAnswer>[]) =>
  Object.fromEntries(answers.map((answer, n) => [fetchStepId("127.0.0.1", n), answer]));

const run = (opts: { waits: Record<string, unknown>; webhook?: ReturnType<typeof gatewayAnswer>[] }) =>
  runFunction(intakeBrief, {
    events: [trigger],
    invoke: { "analyse-brief": analysed },
    waitForEvent: opts.waits,
    steps: webhookAnswers(...(opts.webhook ?? [ok, ok, ok])),
  });

const published = () => outside().published().filter((p) => p.channel === "studio-progress:brief:brief_01");
const outcome = () => published().find((p) => p.topic === "result")?.data["outcome"];

describe("intake-brief", () => {
  beforeEach(() => outside().reset());

  it("is idempotent per brief and cancelled by brief.withdrawn for the same brief", () => {
    expect(intakeBrief.opts.idempotency).toBe("event.data.briefId");
    expect(intakeBrief.opts.cancelOn).toEqual([{ event: briefWithdrawn, if: "async.data.briefId == event.data.briefId" }]);
  });

  it("approved before the reminder: analyses, tells the team, emits project.created", async () => {
    const { result, error, ctx } = await run({ waits: { "wait-for-approval": approval } });
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "approved", briefId: "brief_01", projectId: "project_brief_01", approvedBy: approval.data.approvedBy });

    // Cross-app invoke of the AI app through the contract's reference, with the brief text encrypted.
    expect(ctx.step.invoke).toHaveBeenCalledWith("analyse-brief", {
      function: analyseBrief,
      data: { briefId: "brief_01", revision: 0, encrypted: { title: brief.title, description: brief.encrypted.description } },
      timeout: "30m",
    });
    const [message] = teamMessages(ctx.step.fetch);
    expect(message).toContain("New brief brief_01 from client_acme");
    expect(message).not.toContain(brief.encrypted.contactEmail); // no personal data through step.fetch
    expect(outside().received("/email")).toEqual([]);
    expect(outside().events()).toEqual([
      expect.objectContaining({
        name: "studio/project.created",
        id: "studio/project.created@1:brief_01",
        data: { projectId: "project_brief_01", briefId: "brief_01", clientId: "client_acme", title: brief.title, summary: analysed.analysis.summary },
      }),
    ]);
    expect(published().map((p) => [p.topic, p.data["step"], p.data["state"]])).toEqual([
      ["progress", "record", "done"],
      ["progress", "analyse", "started"],
      ["progress", "analyse", "done"],
      ["progress", "approval", "waiting"],
      ["progress", "approval", "done"],
      ["result", undefined, undefined],
    ]);
    expect(outcome()).toBe("completed");
  });

  it("waits with the configured timeouts, matching on the brief id", async () => {
    const { ctx } = await run({ waits: { "wait-for-approval": null, "wait-for-approval-after-reminder": approval } });
    const waits = stepCalls(ctx.step.waitForEvent).map(([id, opts]) => [id, (opts as { timeout: string; if: string }).timeout, (opts as { if: string }).if]);
    // APPROVAL_REMINDER_AFTER (1d) first, then the rest of APPROVAL_TIMEOUT (3d - 1d).
    expect(waits).toEqual([
      ["wait-for-approval", "1d", "async.data.briefId == event.data.briefId"],
      ["wait-for-approval-after-reminder", "2d", "async.data.briefId == event.data.briefId"],
    ]);
  });

  it("first wait times out: reminds the client by email, then resumes on approval", async () => {
    const { result, error } = await run({ waits: { "wait-for-approval": null, "wait-for-approval-after-reminder": approval } });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outcome: "approved", projectId: "project_brief_01" });
    const [email] = outside().received("/email");
    expect(email?.headers.authorization).toBe("Bearer test-email-key");
    expect(email?.body).toMatchObject({ to: "ada@example.com", subject: `Waiting for your approval: ${brief.title}` });
    expect(published().some((p) => p.data["step"] === "reminder")).toBe(true);
  });

  it("both waits time out: the brief expires and its slot is released", async () => {
    const { result, error, ctx } = await run({ waits: { "wait-for-approval": null, "wait-for-approval-after-reminder": null } });
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "expired", briefId: "brief_01" });
    expect(teamMessages(ctx.step.fetch).at(-1)).toMatch(/Brief brief_01 .* expired without approval after 3d; its slot is released/);
    expect(outside().received("/email")).toHaveLength(1);
    expect(outside().events()).toEqual([]);
    expect(outcome()).toBe("expired");
  });

  describe("team webhook (step.fetch) failures", () => {
    it("a 5xx is retried after a durable sleep with backoff", async () => {
      const { result, ctx } = await run({ waits: { "wait-for-approval": approval }, webhook: [gatewayAnswer(503, "busy"), ok] });
      expect(result).toMatchObject({ outcome: "approved" });
      expect(stepCalls(ctx.step.sleep)).toEqual([["notify-team-retry-1", 5000]]);
    });

    it("a 429 waits as long as Retry-After says", async () => {
      const { result, ctx } = await run({
        waits: { "wait-for-approval": approval },
        webhook: [gatewayAnswer(429, "", { "retry-after": "30" }), ok],
      });
      expect(result).toMatchObject({ outcome: "approved" });
      expect(stepCalls(ctx.step.sleep)).toEqual([["notify-team-retry-1", 30_000]]);
    });

    it("a 4xx fails the run at once, naming the service and status", async () => {
      const { error, ctx } = await run({ waits: { "wait-for-approval": approval }, webhook: [gatewayAnswer(403, "bad token")] });
      expectError(error, "NonRetriableError", "webhook rejected the request with HTTP 403");
      expect(ctx.step.waitForEvent).not.toHaveBeenCalled();
      expect(ctx.step.sleep).not.toHaveBeenCalled();
    });

    it("gives up, non-retriably, after 4 failed attempts", async () => {
      const fail = gatewayAnswer(500, "down");
      const { error, ctx } = await run({ waits: { "wait-for-approval": approval }, webhook: [fail, fail, fail, fail] });
      expectError(error, "NonRetriableError", "webhook still failing after 4 attempts");
      expect(stepCalls(ctx.step.sleep).map(([id]) => id)).toEqual(["notify-team-retry-1", "notify-team-retry-2", "notify-team-retry-3"]);
    });
  });

  describe("reminder email (step.run) failures", () => {
    const reminderRun = () => run({ waits: { "wait-for-approval": null, "wait-for-approval-after-reminder": approval } });

    it("a 4xx is not retried", async () => {
      outside().always("/email", { status: 422, body: { error: "unknown recipient ada@example.com" } });
      const { error } = await reminderRun();
      expectError(error, "NonRetriableError", "email rejected the request with HTTP 422");
      expect((error as Error).message).not.toContain("ada@example.com");
    });

    it("a 429 with Retry-After asks Inngest to retry after that delay", async () => {
      outside().always("/email", { status: 429, headers: { "retry-after": "120" } });
      const { error } = await reminderRun();
      expectError(error, "RetryAfterError", "retrying after 120s");
    });

    it("a 5xx is a normal, retried error", async () => {
      outside().always("/email", { status: 502, body: "bad gateway" });
      const { error } = await reminderRun();
      expect(error).toMatchObject({ name: "Error", message: "email failed with HTTP 502 (a 11-character text/plain answer, not quoted)" });
    });
  });
});
