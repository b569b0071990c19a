import {
  analyseBrief,
  briefApproved,
  briefSubmitted,
  briefWithdrawn,
  createWithDedupe,
  projectCreated,
} from "@studio/events";
import { inngest } from "../client.ts";
import { formatDuration } from "../config/duration.ts";
import { env } from "../env.ts";
import { onIntakeBriefFailure } from "../failures/intake-brief-failure.ts";
import { progressFor } from "../progress/progress.ts";
import { functionIds } from "./function-ids.ts";
import { plural } from "./plural.ts";
import { projectIdFor } from "./project-id.ts";

/**
 * intake-brief: a submitted brief becomes a project once the client approves it.
 *
 * Trigger: studio/brief.submitted (from the web app).
 * Flow: record the brief and hold a slot for it → ask the AI app to analyse it (cross-app
 * step.invoke of `analyse-brief` through the contract's referenceFunction) → tell the team
 * channel (step.fetch) → wait for studio/brief.approved for the same brief; if none arrives within
 * APPROVAL_REMINDER_AFTER, email the client a reminder and keep waiting until APPROVAL_TIMEOUT →
 * emit studio/project.created, or expire the brief and release its slot. Every stage is published
 * live on `brief:<briefId>`.
 *
 * Flow control:
 * - idempotency per briefId: a brief is taken in once, even if the web app submits it again
 *   with a new event id (the contract's dedupe id already drops exact repeats).
 * - cancelOn studio/brief.withdrawn for the same briefId: a withdrawn brief must stop waiting at
 *   once; intake-brief-cancelled then releases its slot.
 * - retries 3 (default): every step is safe to repeat.
 *
 * On failure (onIntakeBriefFailure): releases the brief's slot (compensation), emits
 * studio/automation.failed, alerts the team and publishes the "failed" outcome.
 *
 * Applies:
 * - docs/research/inngest/wait-for-an-event.md#match-on-the-id-not-on-timing (both waits match on briefId)
 * - docs/research/inngest/wait-for-an-event.md#timeout-means-null-not-an-error (null → remind, then expire)
 * - docs/research/inngest/steps-and-workflows.md#cross-app-invoke-needs-the-same-id-on-both-sides (the contract's analyseBrief reference)
 * - docs/research/inngest/creating-an-event-key.md#idempotency-is-per-function-dedupe-is-per-event (idempotency per briefId)
 * - docs/research/inngest/cleanup-after-function-cancellation.md#cancellation-does-not-trigger-onfailure (cancelOn + intake-brief-cancelled)
 * - docs/research/inngest/performing-api-requests-or-fetch.md#stepfetch-stores-a-5xx-as-a-success (team messages via step.fetch)
 * - docs/research/inngest/failure-handlers.md#compensation (releasing the slot)
 */
export const intakeBrief = inngest.createFunction(
  {
    id: functionIds.intakeBrief,
    name: "Intake: brief to project",
    triggers: [briefSubmitted],
    idempotency: "event.data.briefId",
    cancelOn: [{ event: briefWithdrawn, if: "async.data.briefId == event.data.briefId" }],
    retries: 3,
    onFailure: (ctx) => onIntakeBriefFailure(ctx),
  },
  async ({ event, step, logger, webhook, email }) => {
    const brief = event.data;
    const progress = progressFor({ step, logger }, functionIds.intakeBrief, `brief:${brief.briefId}`);

    const intake = await step.run("record-brief", () => ({
      briefId: brief.briefId,
      clientId: brief.clientId,
      receivedAt: new Date().toISOString(),
      // The slot the studio holds for this brief until it is approved or expires.
      slotHeldUntil: new Date(Date.now() + env.APPROVAL_TIMEOUT.ms).toISOString(),
    }));
    await progress.update("record", "Brief recorded, slot held", "done", `held until ${intake.slotHeldUntil}`);

    await progress.update("analyse", "AI analysis", "started");
    const analysed = await step.invoke("analyse-brief", {
      function: analyseBrief,
      data: {
        briefId: brief.briefId,
        revision: 0,
        encrypted: { title: brief.title, description: brief.encrypted.description },
      },
      timeout: "30m",
    });
    const { analysis } = analysed;
    await progress.update(
      "analyse",
      "AI analysis",
      "done",
      `${plural(analysis.deliverables.length, "deliverable")}, ~${analysis.estimate.hours}h (${analysis.estimate.confidence} confidence)` +
        (analysed.model.offline ? ", offline model" : ""),
    );

    await webhook.notify(
      step,
      "notify-team",
      `New brief ${brief.briefId} from ${brief.clientId}: "${brief.title}", due ${brief.dueDate}. ` +
        `AI estimate ~${analysis.estimate.hours}h, ${plural(analysis.deliverables.length, "deliverable")}, ${plural(analysis.risks.length, "risk")}. ` +
        `Slot held until ${intake.slotHeldUntil}, waiting for client approval.`,
    );
    await progress.update("approval", "Waiting for client approval", "waiting");

    // Two waits instead of one so the client can be reminded part-way; both match on the brief id.
    const match = "async.data.briefId == event.data.briefId";
    let approval = await step.waitForEvent("wait-for-approval", {
      event: briefApproved,
      timeout: env.APPROVAL_REMINDER_AFTER.text,
      if: match,
    });
    if (!approval) {
      await step.run("remind-client", () =>
        email.send({
          to: brief.encrypted.contactEmail,
          subject: `Waiting for your approval: ${brief.title}`,
          text:
            `Hello ${brief.encrypted.contactName},\n\nwe have analysed your brief "${brief.title}" and are holding a slot ` +
            `for it until ${intake.slotHeldUntil}. Please approve it so we can start.\n\nStudio+233`,
        }),
      );
      await progress.update("reminder", "Reminder sent to the client", "done");
      approval = await step.waitForEvent("wait-for-approval-after-reminder", {
        event: briefApproved,
        timeout: formatDuration(env.APPROVAL_TIMEOUT.ms - env.APPROVAL_REMINDER_AFTER.ms),
        if: match,
      });
    }

    if (!approval) {
      await webhook.notify(
        step,
        "release-slot",
        `Brief ${brief.briefId} ("${brief.title}") expired without approval after ${env.APPROVAL_TIMEOUT.text}; its slot is released.`,
      );
      await progress.update("approval", "No approval in time", "failed", `expired after ${env.APPROVAL_TIMEOUT.text}`);
      await progress.result("expired", { briefId: brief.briefId });
      return { outcome: "expired" as const, briefId: brief.briefId };
    }

    const projectId = projectIdFor(brief.briefId);
    await step.sendEvent(
      "emit-project-created",
      createWithDedupe(projectCreated, {
        projectId,
        briefId: brief.briefId,
        clientId: brief.clientId,
        title: brief.title,
        summary: analysis.summary,
      }),
    );
    await progress.update("approval", "Approved", "done", `by ${approval.data.approvedBy}`);
    await progress.result("completed", { briefId: brief.briefId, projectId });
    return { outcome: "approved" as const, briefId: brief.briefId, projectId, approvedBy: approval.data.approvedBy };
  },
);
