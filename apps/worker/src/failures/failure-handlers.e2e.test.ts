import { randomUUID } from "node:crypto";
import { assetProcessedFixtures, briefSubmittedFixtures, invoiceIssuedFixtures, reminderScheduledFixtures } from "@studio/events/fixtures";
import { eventually, type StoredEvent } from "@studio/dev-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endedRun, startWorkerStack, type WorkerStack } from "../e2e/stack.ts";
import { type Received } from "../testing/outside-services.ts";

// Every worker failure handler run by the real engine: the function fails for good (an outside
// service answers 4xx, with an e-mail address in its answer), Inngest runs its onFailure, which
// emits studio/automation.failed (the service's answer, with its address, never copied) and alerts the team channel.
// intake-brief's handler (with its compensation) is in intake-brief.e2e.test.ts, process-asset's in
// process-asset.e2e.test.ts.
const TOO_LONG_CLIENT = `client_${"x".repeat(130)}`;

describe("worker failure handlers on the real Dev Server", () => {
  let w: WorkerStack;
  beforeAll(async () => {
    w = await startWorkerStack({
      worker: { INVOICE_MAX_REMINDERS: "1", INDEX_BATCH_TIMEOUT: "1s", DIGEST_CLIENTS: `client_fh=fh@fc.example,${TOO_LONG_CLIENT}=long@fc.example` },
      ai: { AI_THROTTLE: "off" },
    });
  });
  const reported: string[] = [];
  afterAll(async () => {
    console.info(`[figures] worker failure handlers: ${reported.length} functions failed for good on the engine, each handler emitted one automation.failed (answer not copied) and one alert: ${reported.join(", ")}`);
    await w?.stop();
  });

  const rejected = { status: 422, body: { error: "unknown recipient billing@client.example" } };
  const textOf = (r: Received) => (r.body as { text?: string }).text ?? "";
  const alerts = (fn: string) => w.services.received("/webhook").map(textOf).filter((t) => t.startsWith(`:warning: ${fn} failed for`));
  /** The run failed for good, its handler reported it (the answer not copied) and alerted; returns the report. */
  const expectReported = async (fn: string, runId: string, item: string, trigger: string): Promise<StoredEvent> => {
    const [report] = await w.stack.api.waitForEvents("studio/automation.failed", (e) => e.data["runId"] === runId);
    expect(report!.data).toMatchObject({ app: "studio-worker", functionId: fn, runId, trigger: { name: trigger }, compensated: false });
    const message = (report!.data["error"] as { message: string }).message;
    expect(message).toContain("answer, not quoted"); // the service's answer is never copied into errors
    expect(JSON.stringify(report!.data)).not.toContain("@client.example");
    const [alert] = await w.services.waitFor(`${fn}'s alert`, () => alerts(fn).length > 0 && alerts(fn), 30_000);
    expect(alert).toContain(`:warning: ${fn} failed for ${item} (run ${runId})`);
    expect(alert).not.toContain("@client.example");
    reported.push(fn);
    return report!;
  };

  it("send-reminder: an email rejected for good is reported and alerted", async () => {
    const reminderId = `reminder_${randomUUID()}`;
    w.services.script("/email", [rejected], (r) => JSON.stringify(r.body).includes(reminderId));
    const [id] = await w.stack.api.send({
      name: "studio/reminder.scheduled",
      data: { ...reminderScheduledFixtures.valid[0], reminderId, sendAt: new Date().toISOString(), encrypted: { ...reminderScheduledFixtures.valid[0].encrypted, subject: reminderId } },
    });
    const run = await endedRun(w.stack, id!);
    expect(run.status).toBe("FAILED");
    await expectReported("send-reminder", run.runId, `reminder ${reminderId}`, "studio/reminder.scheduled");
  });

  it("send-digest: a rejected digest is reported and alerted", async () => {
    w.services.script("/email", [rejected], (r) => (r.body as { to?: string }).to === "fh@fc.example");
    const [id] = await w.stack.api.send({ name: "studio/digest.requested", data: { clientId: "client_fh", weekStarting: "2027-03-29" } });
    const run = await endedRun(w.stack, id!);
    expect(run.status).toBe("FAILED");
    await expectReported("send-digest", run.runId, "the weekly digest of client client_fh", "studio/digest.requested");
  });

  it("chase-invoice: a reminder that fails for good fails the chase (not only its invoked reminder), which reports it once", async () => {
    const billingEmail = `billing_${randomUUID()}@fc.example`;
    w.services.script("/email", [rejected], (r) => (r.body as { to?: string }).to === billingEmail);
    const invoice = { ...invoiceIssuedFixtures.valid[0], invoiceId: `invoice_${randomUUID()}`, dueDate: "2026-01-01", encrypted: { billingName: "F", billingEmail } };
    const [id] = await w.stack.api.send({ name: "studio/invoice.issued", data: invoice });
    const run = await endedRun(w.stack, id!);
    expect(run.status).toBe("FAILED");
    await expectReported("chase-invoice", run.runId, `invoice ${invoice.invoiceId}`, "studio/invoice.issued");
    const reports = await w.stack.api.events("studio/automation.failed");
    expect(reports.filter((e) => JSON.stringify(e.data).includes(invoice.invoiceId) || e.data["runId"] === run.runId)).toHaveLength(1);
  });

  it("index-assets: a team message rejected for good is reported and alerted", async () => {
    const projectId = `project_${randomUUID()}`;
    w.services.script("/webhook", [rejected], (r) => textOf(r).includes(`ready in project ${projectId}`));
    const since = new Date(Date.now() - 1000);
    // (asset.processed also starts the AI app's tag-asset: pick index-assets' run by its slug.)
    await w.stack.api.send({ name: "studio/asset.processed", data: { ...assetProcessedFixtures.valid[0], projectId } });
    const [runId] = await eventually("the index-assets run", async () => {
      const ids = await w.stack.api.runIdsOf("studio-worker-index-assets", since);
      return ids.length > 0 && ids;
    });
    expect((await w.stack.api.waitForRun(runId!)).status).toBe("FAILED");
    await expectReported("index-assets", runId!, `a batch of processed assets of project ${projectId}`, "studio/asset.processed");
  });

  it("weekly-digest: a fan-out the contract rejects (a configured client id too long for an event) is reported and alerted", async () => {
    const since = new Date(Date.now() - 1000);
    await w.stack.api.graphql('mutation { invokeFunction(functionSlug: "studio-worker-weekly-digest", data: {}) }');
    const [runId] = await eventually("the weekly-digest run", async () => {
      const ids = await w.stack.api.runIdsOf("studio-worker-weekly-digest", since);
      return ids.length > 0 && ids;
    });
    expect((await w.stack.api.waitForRun(runId!)).status).toBe("FAILED");
    const [report] = await w.stack.api.waitForEvents("studio/automation.failed", (e) => e.data["runId"] === runId);
    expect(report!.data).toMatchObject({ app: "studio-worker", functionId: "weekly-digest", compensated: false });
    expect((report!.data["error"] as { message: string }).message).toMatch(/studio\/digest\.requested is invalid: data\.clientId/);
    await w.services.waitFor("the alert", () => alerts("weekly-digest")[0], 30_000);
    reported.push("weekly-digest");
  });

  it("intake-brief-cancelled: a cleanup that cannot release the slot is reported and alerted", async () => {
    const briefId = `brief_${randomUUID()}`;
    w.services.script("/webhook", [rejected], (r) => textOf(r).startsWith(`Intake of brief ${briefId} was cancelled`));
    const [submitted] = await w.stack.api.send({ name: "studio/brief.submitted", data: { ...briefSubmittedFixtures.valid[0], briefId } });
    const [intake] = await eventually("the intake run", async () => {
      const listed = await w.stack.api.runsForEvent(submitted!);
      return listed.length > 0 && listed;
    });
    await w.stack.api.send({ name: "studio/brief.withdrawn", data: { briefId } });
    expect((await w.stack.api.waitForRun(intake!.run_id)).status).toBe("CANCELLED");
    const [report] = await w.stack.api.waitForEvents(
      "studio/automation.failed",
      (e) => e.data["functionId"] === "intake-brief-cancelled" && JSON.stringify(e.data).includes("inngest/function.cancelled"),
    );
    expect(report!.data).toMatchObject({ app: "studio-worker", trigger: { name: "inngest/function.cancelled" }, compensated: false });
    expect((report!.data["error"] as { message: string }).message).toContain("webhook rejected the request with HTTP 422");
    const [alert] = await w.services.waitFor("the alert", () => alerts("intake-brief-cancelled").length > 0 && alerts("intake-brief-cancelled"), 30_000);
    expect(alert).toContain(`the cancelled intake run ${intake!.run_id}`);
    reported.push("intake-brief-cancelled");
  });
});
