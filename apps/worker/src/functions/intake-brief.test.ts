import { analyseBrief } from "@studio/events";
import { analyseBriefFixtures, briefApprovedFixtures, briefSubmittedFixtures } from "@studio/events/fixtures";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { runFunction, stepCalls, expectError } from "../testing/run-function.ts";
import { intakeBrief } from "./intake-brief.ts";

// The intake logic, one run at a time in @inngest/test (waits resolve at once, or never). That
// decisions are taken at any moment of a real run is proven on the Dev Server (intake-brief.e2e).
// Each run has its own brief id: @inngest/test can go on replaying a finished run in the
// background, and its late messages must not count for the next test.
let runs = 0;
let brief = briefSubmittedFixtures.valid[0];
const nextBrief = () => (brief = { ...briefSubmittedFixtures.valid[0], briefId: `brief_${++runs}` });
const trigger = () => ({ name: "studio/brief.submitted", data: brief, id: `studio/brief.submitted@1:${brief.briefId}`, ts: Date.parse("2027-03-01T09:00:00Z") });
const approval = { name: "studio/brief.approved", id: "evt-approved", ts: 0, data: briefApprovedFixtures.valid[0] };
// (The engine does not check a wait's `if`: the approval's own brief id does not matter here.)
const analysed = analyseBriefFixtures.return.valid[0];
/** A wait that never ends (nothing arrives, and the engine has no clock). */
const pending = new Promise(() => undefined);

const run = (waits: { decision: unknown; beforeReminder: unknown }, steps: Record<string, unknown> = {}, keepBrief = false) => {
  if (!keepBrief) nextBrief();
  return runFunction(intakeBrief, {
    events: [trigger()],
    invoke: { "analyse-brief": analysed },
    waitForEvent: { "wait-for-approval": waits.decision, "wait-for-approval-before-reminder": waits.beforeReminder },
    steps,
  });
};

const distinct = <T>(items: T[]) => [...new Set(items)];
/** This run's distinct team messages, emails and progress (@inngest/test may run a step body again when it replays around parallel steps). */
const teamMessages = () => distinct(outside().received("/webhook").map((r) => (r.body as { text: string }).text).filter((t) => t.includes(`${brief.briefId} `)));
const reminderEmails = () => [...new Map(outside().received("/email").filter((r) => JSON.stringify(r.body).includes(brief.title)).map((r) => [JSON.stringify(r.body), r])).values()];
const published = () => outside().published().filter((p) => p.channel === `studio-progress:brief:${brief.briefId}`);
const projects = () => outside().events().filter((e) => e.data["briefId"] === brief.briefId);
const outcomes = () => published().filter((p) => p.topic === "result").map((p) => p.data["outcome"]);
/** Makes Inngest's event list (the look-back) answer with these events of `name`. */
const alreadyReceived = (name: string, data: Record<string, unknown>) =>
  outside().always("/v1/events", { status: 200, body: { data: [{ id: "evt-early", name, data, ts: trigger().ts }] } }, (r) => r.query.get("name") === name);

describe("intake-brief", () => {
  beforeEach(() => outside().reset());

  it("approved before the reminder: analyses, tells the team, emits project.created, sends no reminder", async () => {
    const { result, error, ctx } = await run({ decision: approval, beforeReminder: approval });
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "approved", briefId: brief.briefId, projectId: `project_${brief.briefId}`, approvedBy: approval.data.approvedBy });

    // Cross-app invoke of the AI app through the contract's reference, with the brief text encrypted.
    expect(ctx.step.invoke).toHaveBeenCalledWith("analyse-brief", {
      function: analyseBrief,
      data: { briefId: brief.briefId, revision: 0, encrypted: { title: brief.title, description: brief.encrypted.description } },
      timeout: "30m",
    });
    const [message] = teamMessages();
    expect(message).toContain(`New brief ${brief.briefId} from client_acme`);
    expect(message).not.toContain(brief.encrypted.contactEmail); // no personal data in the team channel
    // The unit env has no WEBHOOK_TOKEN (see unit-setup.ts); the bearer header is tested in services/webhook.test.ts.
    expect(outside().received("/webhook")[0]?.method).toBe("POST");
    expect(reminderEmails()).toEqual([]);
    expect(projects()).toEqual([
      expect.objectContaining({
        name: "studio/project.created",
        id: `studio/project.created@1:${brief.briefId}`,
        data: { projectId: `project_${brief.briefId}`, briefId: brief.briefId, clientId: "client_acme", title: brief.title, summary: analysed.analysis.summary },
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
    expect(outcomes()).toEqual(["completed"]);
  });

  it("waits for the same brief with the settings recorded at the start of the run", async () => {
    const { ctx } = await run({ decision: approval, beforeReminder: approval });
    const waits = stepCalls(ctx.step.waitForEvent).map(([id, opts]) => [id, (opts as { timeout: string }).timeout, (opts as { if: string }).if]);
    // APPROVAL_TIMEOUT (3d) in all; APPROVAL_REMINDER_AFTER (1d) for the reminder.
    expect(waits).toEqual([
      ["wait-for-approval", "3d", "async.data.briefId == event.data.briefId"],
      ["wait-for-approval-before-reminder", "1d", "async.data.briefId == event.data.briefId"],
    ]);
    // The look-back asks for decisions received since the submission (less 5 s of clock skew).
    const asked = outside().received("/v1/events").map((r) => [r.query.get("name"), r.query.get("received_after")]);
    expect(asked.sort()).toEqual([
      ["studio/brief.approved", "2027-03-01T08:59:55.000Z"],
      ["studio/brief.withdrawn", "2027-03-01T08:59:55.000Z"],
    ]);
  });

  it("keeps a running intake on the settings it recorded, whatever the env says now", async () => {
    const recorded = { receivedAt: "2027-03-01T09:00:00.000Z", slotHeldUntil: "2027-03-08T09:00:00.000Z", approvalTimeout: "7d", reminderAfter: "2d" };
    const { result, ctx } = await run({ decision: null, beforeReminder: null }, { "record-brief": recorded });
    expect(result).toEqual({ outcome: "expired", briefId: brief.briefId });
    expect(stepCalls(ctx.step.waitForEvent).map(([id, opts]) => [id, (opts as { timeout: string }).timeout])).toEqual([
      ["wait-for-approval", "7d"],
      ["wait-for-approval-before-reminder", "2d"],
    ]);
    expect(teamMessages().at(-1)).toMatch(/expired without approval after 7d; its slot is released/);
    expect((reminderEmails()[0]?.body as { text: string }).text).toContain("holding a slot for it until 2027-03-08T09:00:00.000Z");
  });

  it("no approval by the reminder time: reminds the client by email, then takes the approval", async () => {
    const { result, error } = await run({ decision: approval, beforeReminder: null });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outcome: "approved", projectId: `project_${brief.briefId}` });
    const [email] = reminderEmails();
    expect(email?.headers.authorization).toBe("Bearer test-email-key");
    expect(email?.body).toMatchObject({ to: "ada@example.com", subject: `Waiting for your approval: ${brief.title}` });
    expect(published().some((p) => p.data["step"] === "reminder")).toBe(true);
  });

  it("no approval at all: the brief expires and its slot is released", async () => {
    const { result, error } = await run({ decision: null, beforeReminder: null });
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "expired", briefId: brief.briefId });
    expect(teamMessages().at(-1)).toMatch(new RegExp(`Brief ${brief.briefId} .* expired without approval after 3d; its slot is released`));
    expect(reminderEmails()).toHaveLength(1);
    expect(projects()).toEqual([]);
    expect(outcomes()).toEqual(["expired"]);
  });

  it("an approval Inngest received before the waits existed is found by the look-back", async () => {
    nextBrief();
    alreadyReceived("studio/brief.approved", { briefId: brief.briefId, approvedBy: "operator_early" });
    const { result, error } = await run({ decision: pending, beforeReminder: pending }, {}, true);
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outcome: "approved", approvedBy: "operator_early" });
    expect(reminderEmails()).toEqual([]);
  });

  it("another brief's early approval is not taken", async () => {
    alreadyReceived("studio/brief.approved", { briefId: "brief_other", approvedBy: "operator_early" });
    const { result } = await run({ decision: null, beforeReminder: null });
    expect(result).toMatchObject({ outcome: "expired" });
  });

  it("a withdrawal received before the run was scheduled ends it and releases the slot", async () => {
    nextBrief();
    alreadyReceived("studio/brief.withdrawn", { briefId: brief.briefId });
    const { result, error } = await run({ decision: pending, beforeReminder: pending }, {}, true);
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "withdrawn", briefId: brief.briefId });
    expect(teamMessages()).toEqual([`Intake of brief ${brief.briefId} was cancelled (brief withdrawn before its intake started); its held slot is released.`]);
    expect(projects()).toEqual([]);
    expect(outcomes()).toEqual(["cancelled"]);
  });

  it("a look-back that cannot read Inngest's event list fails its step (retried), not silently", async () => {
    outside().always("/v1/events", { status: 503, body: "unavailable" });
    const { error } = await run({ decision: pending, beforeReminder: pending });
    expectError(error, "Error", "Inngest's event API answered HTTP 503");
  });

  describe("team webhook failures", () => {
    it("a 4xx fails the run at once, naming the service and status", async () => {
      outside().always("/webhook", { status: 403, body: "bad token" });
      const { error } = await run({ decision: approval, beforeReminder: approval });
      expectError(error, "NonRetriableError", "webhook rejected the request with HTTP 403");
      expect(projects()).toEqual([]);
    });

    it("a 5xx is a normal, retried error", async () => {
      outside().always("/webhook", { status: 503, body: "busy" });
      const { error } = await run({ decision: approval, beforeReminder: approval });
      expect(error).toMatchObject({ name: "Error", message: "webhook failed with HTTP 503 (a 4-character text/plain answer, not quoted)" });
    });
  });

  describe("reminder email failures", () => {
    const reminderRun = () => run({ decision: approval, beforeReminder: null });

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
      expect(error).toMatchObject({ name: "Error", message: "email failed with HTTP 502 (a 11-character text/plain answer, not quoted)" });
    });
  });
});
