import {
  analyseBrief,
  briefApproved,
  briefSubmitted,
  briefWithdrawn,
  createWithDedupe,
  projectCreated,
} from "@studio/events";
import { type TimeStr } from "inngest";
import { inngest } from "../client.ts";
import { env } from "../env.ts";
import { onIntakeBriefFailure } from "../failures/intake-brief-failure.ts";
import { progressFor } from "../progress/progress.ts";
import { functionIds } from "./function-ids.ts";
import { captureIntakeSettings } from "./intake-settings.ts";
import { plural } from "./plural.ts";
import { projectIdFor } from "./project-id.ts";
import { receivedEvents } from "./received-events.ts";

/** A decision found by the look-back may have been sent up to this long before the submission was received (clock skew between ingest nodes). */
const LOOK_BACK_SKEW_MS = 5_000;

/**
 * intake-brief: a submitted brief becomes a project once the client approves it.
 *
 * Trigger: studio/brief.submitted (from the web app).
 * Flow: record the brief, its slot and its settings (memoised, so a deploy never changes a running
 * intake) → stop at once if a withdrawal arrived before the run was scheduled → ask the AI app to
 * analyse it (cross-app step.invoke of `analyse-brief` through the contract's referenceFunction)
 * → tell the team channel → wait for studio/brief.approved for the same brief; if none arrives
 * within APPROVAL_REMINDER_AFTER, email the client a reminder and wait for the rest of
 * APPROVAL_TIMEOUT → emit studio/project.created, or expire the brief and release its slot.
 * Every stage is published live on `brief:<briefId>`.
 *
 * No decision is lost: a wait only matches events that arrive after it was registered, so next
 * to each wait a look-back step reads the approvals Inngest received since the submission (its
 * REST event list) and relays the first one again, which the now-registered wait takes. An
 * approval sent at any moment (during the analysis, the team message, between the two waits)
 * reaches the run.
 *
 * Flow control:
 * - idempotency per briefId: a brief is taken in once, even if the web app submits it again
 *   with a new event id (the contract's dedupe id already drops exact repeats).
 * - cancelOn studio/brief.withdrawn for the same briefId: a withdrawn brief must stop waiting at
 *   once; intake-brief-cancelled then releases its slot. A withdrawal received before the run was
 *   scheduled (cancelOn cannot see it) is found by the first step instead.
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
 * - docs/research/inngest/wait-for-an-event.md#only-events-that-arrive-during-the-wait-count (the look-back and relay before each wait)
 * - docs/research/inngest/performing-api-requests-or-fetch.md#stepfetch-requests-are-stored-in-plain-text (team messages from the worker, in step.run)
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

    // Memoised: the run keeps these settings even if a deploy changes the env while it waits.
    const intake = await step.run("record-brief", () => captureIntakeSettings(env));
    const since = new Date((event.ts ?? Date.parse(intake.receivedAt)) - LOOK_BACK_SKEW_MS);
    const aboutThisBrief = (e: { data: Record<string, unknown> }) => e.data["briefId"] === brief.briefId;

    const withdrawnEarly = await step.run("look-for-early-withdrawal", async () =>
      (await receivedEvents(env, briefWithdrawn.name, since)).some(aboutThisBrief),
    );
    if (withdrawnEarly) {
      // cancelOn only sees withdrawals that arrive after the run was scheduled: do what
      // intake-brief-cancelled would.
      await webhook.notify(step, "release-slot", `Intake of brief ${brief.briefId} was cancelled (brief withdrawn before its intake started); its held slot is released.`);
      await progress.result("cancelled", { briefId: brief.briefId });
      return { outcome: "withdrawn" as const, briefId: brief.briefId };
    }
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

    /**
     * Waits for the brief's approval, and alongside (same request, so the wait is registered
     * first) looks back for one Inngest received before the wait existed; the first found is
     * sent again under a derived id, and the wait takes it. Both ops end when the wait does.
     */
    const waitForApproval = async (id: string, timeout: TimeStr) => {
      const [approval] = await Promise.all([
        step.waitForEvent(id, { event: briefApproved, timeout, if: "async.data.briefId == event.data.briefId" }),
        step.run(`${id}-look-back`, async () => {
          const found = (await receivedEvents(env, briefApproved.name, since))
            .filter(aboutThisBrief)
            .filter((e) => briefApproved.schema.safeParse(e.data).success)
            .sort((a, b) => a.ts - b.ts)[0];
          if (!found) return { relayed: null };
          // A derived id: the original's would be dropped as a repeat; a retry of this step sends the same relay.
          const relayed = `${found.id}:relayed:${id}`;
          await inngest.send(briefApproved.create(found.data as Parameters<typeof briefApproved.create>[0], { id: relayed }));
          return { relayed };
        }),
      ]);
      return approval;
    };

    // Two waits instead of one so the client can be reminded part-way; both match on the brief id.
    let approval = await waitForApproval("wait-for-approval", intake.reminderAfter);
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
      approval = await waitForApproval("wait-for-approval-after-reminder", intake.remainingAfterReminder);
    }

    if (!approval) {
      await webhook.notify(
        step,
        "release-slot",
        `Brief ${brief.briefId} ("${brief.title}") expired without approval after ${intake.approvalTimeout}; its slot is released.`,
      );
      await progress.update("approval", "No approval in time", "failed", `expired after ${intake.approvalTimeout}`);
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
        // No summary: it is the model's analysis of the client's brief, which travels only
        // encrypted (ai/brief.analysed v2, the invoke's encrypted step output); this event is not.
      }),
    );
    await progress.update("approval", "Approved", "done", `by ${approval.data.approvedBy}`);
    await progress.result("completed", { briefId: brief.briefId, projectId });
    return { outcome: "approved" as const, briefId: brief.briefId, projectId, approvedBy: approval.data.approvedBy };
  },
);
