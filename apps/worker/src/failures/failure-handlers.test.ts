import { automationFailed } from "@studio/events";
import {
  assetUploadedFixtures,
  briefSubmittedFixtures,
  digestRequestedFixtures,
  invoiceIssuedFixtures,
  reminderScheduledFixtures,
} from "@studio/events/fixtures";
import { NonRetriableError } from "inngest";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { failureArgs } from "../testing/failure-args.ts";
import { onChaseInvoiceFailure } from "./chase-invoice-failure.ts";
import { onIndexAssetsFailure } from "./index-assets-failure.ts";
import { onIntakeBriefCancelledFailure } from "./intake-brief-cancelled-failure.ts";
import { onIntakeBriefFailure } from "./intake-brief-failure.ts";
import { onPingFailure } from "./ping-failure.ts";
import { onProcessAssetFailure } from "./process-asset-failure.ts";
import { onSendDigestFailure } from "./send-digest-failure.ts";
import { onSendReminderFailure } from "./send-reminder-failure.ts";
import { onWeeklyDigestFailure } from "./weekly-digest-failure.ts";

const texts = () => outside().received("/webhook").map((r) => (r.body as { text: string }).text);

/** The automation.failed the handler sent, checked against the contract. */
async function reported(sent: ReturnType<typeof failureArgs>["sent"]) {
  expect(sent.map((s) => s.id)).toEqual(["report-automation-failed"]);
  const { payload } = sent[0]!;
  expect(payload.name).toBe("studio/automation.failed");
  await payload.validate?.();
  return automationFailed.schema.parse(payload.data);
}

describe("failure handlers", () => {
  beforeEach(() => outside().reset());

  describe("intake-brief", () => {
    const original = { name: "studio/brief.submitted", id: "studio/brief.submitted@1:brief_01", data: briefSubmittedFixtures.valid[0] };
    const failure = () =>
      failureArgs({ functionSlug: "studio-worker-intake-brief", original, error: new NonRetriableError("webhook rejected the request with HTTP 403") });

    it("compensates by releasing the slot, then reports and alerts", async () => {
      const { args, sent, published } = failure();
      const report = await onIntakeBriefFailure(args);
      expect(report).toEqual({ functionId: "intake-brief", runId: "01FAILEDRUN", compensated: true, alerted: true });
      expect(texts()).toEqual([
        "Brief brief_01: intake failed, so its held slot is released. Once the cause is fixed, rerun the failed run from the Inngest dashboard (docs/runbooks/worker-intake-brief.md).",
        expect.stringContaining(":warning: intake-brief failed for brief brief_01 (run 01FAILEDRUN): NonRetriableError: webhook rejected"),
      ]);
      expect(texts()[1]).toContain("Compensation done.");
      expect(await reported(sent)).toEqual({
        app: "studio-worker",
        functionId: "intake-brief",
        runId: "01FAILEDRUN",
        trigger: { name: "studio/brief.submitted", id: "studio/brief.submitted@1:brief_01" },
        error: { name: "NonRetriableError", message: "webhook rejected the request with HTTP 403" },
        compensated: true,
      });
      expect(published).toHaveLength(1);
      expect(published[0]).toMatchObject({ topic: "result", data: { workflow: "intake-brief", outcome: "failed" } });
    });

    it("still reports (compensated: false) when the compensation itself fails", async () => {
      outside().always("/webhook", { status: 400, body: "bad hook" });
      const { args, sent, logged } = failure();
      const report = await onIntakeBriefFailure(args);
      expect(report).toMatchObject({ compensated: false, alerted: false });
      expect(await reported(sent)).toMatchObject({ compensated: false });
      expect(logged.filter((l) => l.level === "error").map((l) => l.message)).toEqual([
        "intake-brief: compensation failed; undo by hand (see its runbook)",
        "intake-brief: could not alert the team channel",
      ]);
    });

    it("retries the release with a durable sleep when the webhook is briefly down", async () => {
      outside().script("/webhook", [{ status: 503 }]);
      const { args, sleeps } = failure();
      expect(await onIntakeBriefFailure(args)).toMatchObject({ compensated: true });
      expect(sleeps).toEqual([["release-slot-after-failure-retry-1", 5000]]);
    });

    it("keeps e-mail addresses out of the plaintext event and the alert", async () => {
      const { args, sent } = failureArgs({
        functionSlug: "studio-worker-intake-brief",
        original,
        error: new Error("email rejected: unknown recipient ada@example.com"),
      });
      await onIntakeBriefFailure(args);
      expect((await reported(sent)).error.message).toBe("email rejected: unknown recipient [email]");
      expect(texts().join(" ")).not.toContain("ada@example.com");
    });
  });

  const cases = [
    {
      name: "intake-brief-cancelled",
      handler: onIntakeBriefCancelledFailure,
      original: { name: "inngest/function.cancelled", data: { function_id: "studio-worker-intake-brief", run_id: "01CANCELLED" } },
      item: "the cancelled intake run 01CANCELLED",
    },
    { name: "process-asset", handler: onProcessAssetFailure, original: { name: "studio/asset.uploaded", data: assetUploadedFixtures.valid[0] }, item: "asset asset_01", subject: "asset:asset_01" },
    {
      name: "index-assets",
      handler: onIndexAssetsFailure,
      original: { name: "studio/asset.processed", data: { assetId: "asset_01", projectId: "project_01" } },
      item: "a batch of processed assets of project project_01",
    },
    {
      name: "chase-invoice",
      handler: onChaseInvoiceFailure,
      original: { name: "studio/invoice.issued", data: invoiceIssuedFixtures.valid[0] },
      item: "invoice invoice_2027_001",
      subject: "invoice:invoice_2027_001",
    },
    { name: "send-reminder", handler: onSendReminderFailure, original: { name: "studio/reminder.scheduled", data: reminderScheduledFixtures.valid[0] }, item: "reminder reminder_kickoff_project_01" },
    { name: "weekly-digest", handler: onWeeklyDigestFailure, original: { name: "inngest/scheduled.timer", data: {} }, item: "this week's digest fan-out" },
    {
      name: "send-digest",
      handler: onSendDigestFailure,
      original: { name: "studio/digest.requested", data: digestRequestedFixtures.valid[0] },
      item: "the weekly digest of client client_acme",
    },
    { name: "ping", handler: onPingFailure, original: { name: "studio/diagnostics.pinged", data: { pingId: "ping_01" } }, item: "ping ping_01" },
  ];

  for (const { name, handler, original, item, subject } of cases) {
    it(`${name}: emits automation.failed (nothing to compensate) and alerts the team`, async () => {
      const { args, sent, published } = failureArgs({ functionSlug: `studio-worker-${name}`, original, error: new Error("boom") });
      const report = await handler(args);
      expect(report).toEqual({ functionId: name, runId: "01FAILEDRUN", compensated: false, alerted: true });
      expect(await reported(sent)).toEqual({
        app: "studio-worker",
        functionId: name,
        runId: "01FAILEDRUN",
        trigger: { name: original.name },
        error: { name: "Error", message: "boom" },
        compensated: false,
      });
      expect(texts()).toEqual([`:warning: ${name} failed for ${item} (run 01FAILEDRUN): Error: boom`]);
      if (subject) expect(published.map((p) => p.data)).toEqual([expect.objectContaining({ outcome: "failed" })]);
      else expect(published).toEqual([]);
    });
  }
});
