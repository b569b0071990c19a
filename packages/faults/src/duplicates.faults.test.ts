import { randomUUID } from "node:crypto";
import { eventually } from "@studio/dev-server";
import { briefSubmittedFixtures, reminderScheduledFixtures } from "@studio/events/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFaultStack, type FaultStack } from "./harness/fault-stack.ts";
import { recordFigures } from "./harness/figures.ts";
import { runsSince } from "./harness/runs-of.ts";

const COPIES = 50;
/** How long to keep watching after the first run ended, for a second one that should never come. */
const SETTLE_MS = 3000;

// Many copies of one event, sent at the same moment (Promise.all of separate HTTP requests to the
// event API), must give one run and one side effect: by event id (Inngest drops a repeated id) and
// by the functions' own idempotency keys (a repeat with a new id).
describe("duplicates", () => {
  let s: FaultStack;
  beforeAll(async () => {
    s = await startFaultStack({
      apps: ["worker", "ai"],
      env: () => ({ worker: { APPROVAL_REMINDER_AFTER: "5m", APPROVAL_TIMEOUT: "10m" } }),
    });
  });
  afterAll(async () => {
    await s?.stop();
  });

  const reminder = (reminderId: string) => {
    const base = reminderScheduledFixtures.valid[0];
    return { ...base, reminderId, sendAt: new Date().toISOString(), encrypted: { ...base.encrypted, subject: `Reminder ${reminderId}` } };
  };
  const emailsFor = (reminderId: string) => s.fx.hits("/email").filter((h) => JSON.stringify(h.body).includes(`Reminder ${reminderId}`));
  const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));
  const record = (scenario: string, runs: number, sideEffects: number, since: Date, endedAt: number | undefined) =>
    recordFigures(scenario, {
      command: `./pnpm --filter @studio/faults test:faults src/duplicates.faults.test.ts`,
      eventsSent: COPIES,
      runs,
      sideEffects,
      duplicates: sideEffects - 1,
      lost: sideEffects === 0 ? 1 : 0,
      ...(endedAt ? { firstSendToCompletionMs: endedAt - since.getTime() } : {}),
    });

  it(`the same event id sent ${COPIES} times at once gives one run and one email`, async () => {
    const since = new Date();
    const reminderId = `reminder_${randomUUID()}`;
    const event = { id: `faults-dup-${reminderId}`, name: "studio/reminder.scheduled", data: reminder(reminderId) };
    await Promise.all(Array.from({ length: COPIES }, () => s.stack.api.send(event)));

    await s.fx.waitFor("the reminder email", () => emailsFor(reminderId).length > 0);
    await settle();
    expect(emailsFor(reminderId)).toHaveLength(1);
    const runs = await runsSince(s.stack.api, since, ["studio-worker-send-reminder"]);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe("COMPLETED");
    record("duplicates-same-event-id", runs.length, emailsFor(reminderId).length, since, runs[0]!.endedAt);
  });

  it(`send-reminder's idempotency: ${COPIES} events with different ids for one reminderId give one run and one email`, async () => {
    const since = new Date();
    const reminderId = `reminder_${randomUUID()}`;
    await Promise.all(
      Array.from({ length: COPIES }, (_, i) =>
        s.stack.api.send({ id: `faults-idem-${reminderId}-${i}`, name: "studio/reminder.scheduled", data: reminder(reminderId) }),
      ),
    );

    await s.fx.waitFor("the reminder email", () => emailsFor(reminderId).length > 0);
    await settle();
    expect(emailsFor(reminderId)).toHaveLength(1);
    const runs = await runsSince(s.stack.api, since, ["studio-worker-send-reminder"]);
    expect(runs.map((r) => r.status)).toEqual(["COMPLETED"]);
    record("duplicates-idempotency-key", runs.length, emailsFor(reminderId).length, since, runs[0]!.endedAt);
  });

  it(`intake-brief's idempotency: ${COPIES} submissions of one brief with different ids give one intake`, async () => {
    const since = new Date();
    const briefId = `brief_${randomUUID()}`;
    const brief = briefSubmittedFixtures.valid[0];
    const data = { ...brief, briefId, encrypted: { ...brief.encrypted, description: `Brief ${briefId}: ${brief.encrypted.description}` } };
    await Promise.all(
      Array.from({ length: COPIES }, (_, i) => s.stack.api.send({ id: `faults-brief-${briefId}-${i}`, name: "studio/brief.submitted", data })),
    );

    const teamMessages = () => s.fx.hits("/webhook").filter((h) => JSON.stringify(h.body).includes(`New brief ${briefId}`));
    await s.fx.waitFor("the team message about the brief", () => teamMessages().length > 0);
    await settle();
    expect(teamMessages()).toHaveLength(1);
    expect(s.fx.hits("/v1/chat/completions").filter((h) => JSON.stringify(h.body).includes(briefId))).toHaveLength(1);
    const runs = await eventually("the intake run", async () => {
      const listed = await runsSince(s.stack.api, since, ["studio-worker-intake-brief"]);
      return listed.length > 0 && listed;
    });
    expect(runs).toHaveLength(1); // still waiting for approval: one run, not fifty
    record("duplicates-intake-idempotency", runs.length, teamMessages().length, since, undefined);
  });
});
