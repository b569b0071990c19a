import { randomUUID } from "node:crypto";
import { briefSubmittedFixtures } from "@studio/events/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@studio/dev-server";
import { endedRun, runResult, startWorkerStack, type WorkerStack } from "../e2e/stack.ts";

// intake-brief against the real Dev Server, with the real AI app answering the cross-app invoke
// (offline model) and local HTTP servers as webhook and email. Approval waits are 2s + 3s.
describe("intake-brief end to end", () => {
  let w: WorkerStack;
  beforeAll(async () => {
    w = await startWorkerStack();
  });
  afterAll(async () => {
    await w?.stop();
  });

  const submit = async (briefId: string, id?: string) => {
    const data = { ...briefSubmittedFixtures.valid[0], briefId };
    const [eventId] = await w.stack.api.send({ name: "studio/brief.submitted", data, ...(id ? { id } : {}) });
    return eventId!;
  };
  const teamMessages = () => w.services.received("/webhook").map((r) => (r.body as { text: string }).text);
  const waitForTeamMessage = (pattern: RegExp) =>
    w.services.waitFor(`a team message matching ${pattern}`, () => teamMessages().find((t) => pattern.test(t)), 60_000);

  it("resumes when brief.approved arrives and emits the project", async () => {
    const briefId = `brief_${randomUUID()}`;
    const eventId = await submit(briefId);
    await waitForTeamMessage(new RegExp(`New brief ${briefId}`));
    await w.stack.api.send({ name: "studio/brief.approved", data: { briefId, approvedBy: "op_1" } });
    const run = await endedRun(w.stack, eventId);
    expect(run.status).toBe("COMPLETED");
    expect(await runResult(w.stack, run.runId)).toMatchObject({ outcome: "approved", briefId, projectId: `project_${briefId}` });
    // Approved before the reminder was due: no reminder email.
    expect(w.services.received("/email").filter((r) => JSON.stringify(r.body).includes(briefId))).toEqual([]);
  });

  it("reminds the client, then expires the brief when no approval comes", async () => {
    const briefId = `brief_${randomUUID()}`;
    const eventId = await submit(briefId);
    const run = await endedRun(w.stack, eventId);
    expect(run.status).toBe("COMPLETED");
    expect(await runResult(w.stack, run.runId)).toMatchObject({ outcome: "expired", briefId });
    const reminders = w.services.received("/email").filter((r) => JSON.stringify(r.body).includes("Waiting for your approval"));
    expect(reminders.length).toBeGreaterThanOrEqual(1);
    expect(reminders.at(-1)?.body).toMatchObject({ to: briefSubmittedFixtures.valid[0].encrypted.contactEmail });
    expect(teamMessages().some((t) => t.includes(`Brief ${briefId}`) && t.includes("expired"))).toBe(true);
  });

  it("a withdrawn brief cancels the run and the cleanup releases its slot", async () => {
    const briefId = `brief_${randomUUID()}`;
    const eventId = await submit(briefId);
    await waitForTeamMessage(new RegExp(`New brief ${briefId}`));
    await w.stack.api.send({ name: "studio/brief.withdrawn", data: { briefId, reason: "client changed plans" } });
    const run = await endedRun(w.stack, eventId);
    expect(run.status).toBe("CANCELLED");
    await waitForTeamMessage(new RegExp(`Intake of brief ${briefId} was cancelled`));
  });

  it("the same brief.submitted sent twice (same id) starts one run", async () => {
    const briefId = `brief_${randomUUID()}`;
    const id = `studio/brief.submitted@1:${briefId}`;
    const first = await submit(briefId, id);
    const second = await submit(briefId, id);
    await waitForTeamMessage(new RegExp(`New brief ${briefId}`));
    // Give a duplicate run time to show up before counting.
    await new Promise((r) => setTimeout(r, 3000));
    const runs = await eventually("the runs of both sends", async () => {
      const all = [...(await w.stack.api.runsForEvent(first)), ...(await w.stack.api.runsForEvent(second))];
      return all.length > 0 && all;
    });
    expect(new Set(runs.map((r) => r.run_id)).size).toBe(1);
    // Still waiting for approval: not a finished duplicate.
    expect(await w.stack.api.status(runs[0]!.run_id)).toBe("RUNNING");
    expect(teamMessages().filter((t) => t.includes(`New brief ${briefId}`))).toHaveLength(1);
    await w.stack.api.send({ name: "studio/brief.withdrawn", data: { briefId } });
  });
});
