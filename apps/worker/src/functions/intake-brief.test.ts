import { analyseBrief } from "@studio/events";
import { analyseBriefFixtures, briefApprovedFixtures, briefSubmittedFixtures } from "@studio/events/fixtures";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { expectError, fetchStepId, gatewayAnswer, runFunction, stepCalls, teamMessages } from "../testing/run-function.ts";
import { intakeBrief } from "./intake-brief.ts";

// The intake logic, one run at a time in @inngest/test (waits answer at once). That a decision
// sent at any moment reaches a real run is proven on the Dev Server (intake-brief.e2e.test.ts).
const brief = briefSubmittedFixtures.valid[0];
/** When Inngest received the submission (the look-backs count from it). */
const submittedAt = Math.floor(Date.now() / 1000) * 1000;
const trigger = { name: "studio/brief.submitted", data: brief, id: "studio/brief.submitted@1:brief_01", ts: submittedAt };
const approval = { name: "studio/brief.approved", id: "evt-approved", ts: submittedAt + 1000, data: briefApprovedFixtures.valid[0] };
const analysed = analyseBriefFixtures.return.valid[0];
const ok = gatewayAnswer(200, "ok");
/** step.fetch answers for the n-th team-channel call of a run. */
const webhookAnswers = (...answers: ReturnType<typeof gatewayAnswer>[]) =>
  Object.fromEntries(answers.map((answer, n) => [fetchStepId("127.0.0.1", n), answer]));

const run = (opts: { waits: Record<string, unknown>; webhook?: ReturnType<typeof gatewayAnswer>[]; steps?: Record<string, unknown> }) =>
  runFunction(intakeBrief, {
    events: [trigger],
    invoke: { "analyse-brief": analysed },
    waitForEvent: opts.waits,
    steps: { ...webhookAnswers(...(opts.webhook ?? [ok, ok, ok])), ...opts.steps },
  });

const published = () => outside().published().filter((p) => p.channel === "studio-progress:brief:brief_01");
const outcome = () => published().find((p) => p.topic === "result")?.data["outcome"];
/** Makes Inngest's event list (the look-backs) answer with this event of `name`. */
const alreadyReceived = (name: string, data: Record<string, unknown>, id = "evt-early") =>
  outside().always("/v1/events", { status: 200, body: { data: [{ id, name, data, ts: submittedAt + 500 }] } }, (r) => r.query.get("name") === name);
const relays = () => outside().events().filter((e) => e.name === "studio/brief.approved");

describe("intake-brief", () => {
  beforeEach(() => outside().reset());

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
        // No summary: the model's analysis of the brief stays encrypted (this event is not).
        data: { projectId: "project_brief_01", briefId: "brief_01", clientId: "client_acme", title: brief.title },
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

  it("waits for the same brief with the settings recorded at the start, looking back from the submission", async () => {
    const { ctx } = await run({ waits: { "wait-for-approval": null, "wait-for-approval-after-reminder": approval } });
    const waits = stepCalls(ctx.step.waitForEvent).map(([id, opts]) => [id, (opts as { timeout: string }).timeout, (opts as { if: string }).if]);
    // APPROVAL_REMINDER_AFTER (1d) first, then the rest of APPROVAL_TIMEOUT (3d - 1d).
    expect(waits).toEqual([
      ["wait-for-approval", "1d", "async.data.briefId == event.data.briefId"],
      ["wait-for-approval-after-reminder", "2d", "async.data.briefId == event.data.briefId"],
    ]);
    // Withdrawals once at the start; approvals next to each wait; all since the submission (less 5 s of clock skew).
    const since = new Date(submittedAt - 5000).toISOString();
    const asked = outside().received("/v1/events").map((r) => [r.query.get("name"), r.query.get("received_after")]);
    expect([...new Set(asked.map((a) => JSON.stringify(a)))].sort()).toEqual([
      JSON.stringify(["studio/brief.approved", since]),
      JSON.stringify(["studio/brief.withdrawn", since]),
    ]);
  });

  it("keeps a running intake on the settings it recorded, whatever the env says now", async () => {
    const recorded = {
      receivedAt: "2027-03-01T09:00:00.000Z",
      slotHeldUntil: "2027-03-08T09:00:00.000Z",
      approvalTimeout: "7d",
      reminderAfter: "2d",
      remainingAfterReminder: "5d",
    };
    const { result, ctx } = await run({ waits: { "wait-for-approval": null, "wait-for-approval-after-reminder": null }, steps: { "record-brief": recorded } });
    expect(result).toEqual({ outcome: "expired", briefId: "brief_01" });
    expect(stepCalls(ctx.step.waitForEvent).map(([id, opts]) => [id, (opts as { timeout: string }).timeout])).toEqual([
      ["wait-for-approval", "2d"],
      ["wait-for-approval-after-reminder", "5d"],
    ]);
    expect(teamMessages(ctx.step.fetch).at(-1)).toMatch(/expired without approval after 7d; its slot is released/);
    expect((outside().received("/email")[0]?.body as { text: string }).text).toContain("holding a slot for it until 2027-03-08T09:00:00.000Z");
  });

  it("first wait times out: reminds the client by email, then takes the approval", async () => {
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

  it("relays an approval Inngest received before the wait existed, under a derived id, so the wait takes it", async () => {
    alreadyReceived("studio/brief.approved", { briefId: "brief_01", approvedBy: "operator_early", decisionId: "d1" }, "studio/brief.approved@1:brief_01:d1");
    await run({ waits: { "wait-for-approval": approval } });
    expect(relays()).toEqual([
      expect.objectContaining({
        name: "studio/brief.approved",
        id: "studio/brief.approved@1:brief_01:d1:relayed:wait-for-approval",
        data: { briefId: "brief_01", approvedBy: "operator_early", decisionId: "d1" },
      }),
    ]);
  });

  it("relays nothing for another brief's approval, or for one that breaks the contract", async () => {
    alreadyReceived("studio/brief.approved", { briefId: "brief_other", approvedBy: "operator_early" });
    await run({ waits: { "wait-for-approval": approval } });
    outside().reset();
    alreadyReceived("studio/brief.approved", { briefId: "brief_01" }); // no approvedBy
    await run({ waits: { "wait-for-approval": approval } });
    expect(relays()).toEqual([]);
  });

  it("a withdrawal received before the run was scheduled ends it at once and releases the slot", async () => {
    alreadyReceived("studio/brief.withdrawn", { briefId: "brief_01" });
    const { result, error, ctx } = await run({ waits: {} });
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "withdrawn", briefId: "brief_01" });
    expect(ctx.step.invoke).not.toHaveBeenCalled();
    expect(teamMessages(ctx.step.fetch)).toEqual([
      "Intake of brief brief_01 was cancelled (brief withdrawn before its intake started); its held slot is released.",
    ]);
    expect(outcome()).toBe("cancelled");
  });

  it("a look-back that cannot read Inngest's event list fails its step (retried), not silently", async () => {
    outside().always("/v1/events", { status: 503, body: "unavailable" });
    const { error } = await run({ waits: { "wait-for-approval": approval } });
    expectError(error, "Error", "Inngest's event API answered HTTP 503");
  });

  describe("team webhook (step.fetch) failures", () => {
    it("a 5xx is retried after a durable sleep with backoff", async () => {
      const { result, ctx } = await run({ waits: { "wait-for-approval": approval }, webhook: [gatewayAnswer(503, "busy"), ok] });
      expect(result).toMatchObject({ outcome: "approved" });
      expect(stepCalls(ctx.step.sleep)).toEqual([["notify-team-retry-1", 5000]]);
    });

    it("a 4xx fails the run at once, naming the service and status", async () => {
      const { error, ctx } = await run({ waits: { "wait-for-approval": approval }, webhook: [gatewayAnswer(403, "bad token")] });
      expectError(error, "NonRetriableError", "webhook rejected the request with HTTP 403");
      expect(ctx.step.waitForEvent).not.toHaveBeenCalled();
    });
  });

  describe("reminder email (step.run) failures", () => {
    const reminderRun = () => run({ waits: { "wait-for-approval": null, "wait-for-approval-after-reminder": approval } });

    it("a 4xx is not retried, and the address stays out of the error", async () => {
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
      expectError(error, "Error", /^email failed with HTTP 502/);
    });
  });
});
