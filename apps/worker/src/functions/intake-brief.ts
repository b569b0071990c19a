import {
  analyseBrief,
  briefApproved,
  briefSubmitted,
  briefWithdrawn,
  createWithDedupe,
  projectCreated,
} from "@studio/events";
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

/** A promise that never settles: a race entry for "nothing found". */
const never = <T>() => new Promise<T>(() => undefined);

/**
 * intake-brief: a submitted brief becomes a project once the client approves it.
 *
 * Trigger: studio/brief.submitted (from the web app).
 * Flow: record the brief and its settings (memoised, so a deploy never changes a running intake)
 * → at once, and all alongside each other (a race-mode step group):
 *   - wait for studio/brief.approved for the same brief (APPROVAL_TIMEOUT), and a second wait
 *     that ends at APPROVAL_REMINDER_AFTER, both registered in the run's first request;
 *   - look back for an approval or withdrawal Inngest received before those waits existed (a
 *     wait only matches events that arrive after it starts);
 *   - ask the AI app to analyse the brief (cross-app step.invoke of `analyse-brief` through the
 *     contract's referenceFunction), then tell the team channel;
 *   - if no approval came by APPROVAL_REMINDER_AFTER, email the client a reminder;
 * → emit studio/project.created, or expire the brief and release its slot. A decision sent at any
 * moment after the submission counts: during the analysis, during the team message, after the
 * reminder. Every stage is published live on `brief:<briefId>`.
 *
 * Flow control:
 * - idempotency per briefId: a brief is taken in once, even if the web app submits it again
 *   with a new event id (the contract's dedupe id already drops exact repeats).
 * - cancelOn studio/brief.withdrawn for the same briefId: a withdrawn brief must stop waiting at
 *   once; intake-brief-cancelled then releases its slot. A withdrawal received before the run was
 *   scheduled is found by the look-back instead, and the run releases the slot itself.
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
 * - docs/research/inngest/steps-and-workflows.md#parallel-steps (the race-mode group; team messages via step.run, not step.fetch)
 * - docs/research/inngest/wait-for-an-event.md#only-events-that-arrive-during-the-wait-count (waits in the first request, the look-back)
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
  async ({ event, step, group, logger, webhook, email }) => {
    const brief = event.data;
    const progress = progressFor({ step, logger }, functionIds.intakeBrief, `brief:${brief.briefId}`);
    const match = "async.data.briefId == event.data.briefId";

    // Memoised (it runs in the first request, checkpointed): the run keeps these settings even if
    // a deploy changes the env while it waits.
    const intake = await step.run("record-brief", () => captureIntakeSettings(env));

    // Race mode: the executor calls the function again whenever any op of the group ends, so the
    // analysis and the team message go on while the waits are pending (in the default mode it
    // would hold every branch until all pending ops had ended).
    const settled = await group.parallel({ mode: "race" }, () => {
      const approvalWait = step.waitForEvent("wait-for-approval", { event: briefApproved, timeout: intake.approvalTimeout, if: match });
      const beforeReminderWait = step.waitForEvent("wait-for-approval-before-reminder", {
        event: briefApproved,
        timeout: intake.reminderAfter,
        if: match,
      });
      const earlier = step.run("look-for-earlier-decision", async () => {
        const since = new Date((event.ts ?? Date.parse(intake.receivedAt)) - LOOK_BACK_SKEW_MS);
        const [approvals, withdrawals] = await Promise.all([
          receivedEvents(env, briefApproved.name, since),
          receivedEvents(env, briefWithdrawn.name, since),
        ]);
        const mine = (e: { data: Record<string, unknown> }) => e.data["briefId"] === brief.briefId;
        const approval = approvals.find(mine);
        return {
          approval: approval ? { approvedBy: typeof approval.data["approvedBy"] === "string" ? approval.data["approvedBy"] : "unknown" } : null,
          withdrawn: withdrawals.some(mine),
        };
      });
      const earlierApproval = earlier.then((found) => (found.approval ? found.approval : never<{ approvedBy: string }>()));
      const decision = Promise.race([approvalWait.then((e) => (e ? { approvedBy: e.data.approvedBy } : null)), earlierApproval]);
      const beforeReminder = Promise.race([beforeReminderWait, earlierApproval]);

      const prepared = (async () => {
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
        // Team messages are step.runs, not step.fetch: while any op of the race group is pending
        // (even after the group has settled), an op still in flight is reported again whenever
        // another ends, and Inngest repeats a reported fetch; a reported step.run is queued under
        // the same job id, so it runs once.
        await step.run("notify-team", () =>
          webhook.post(
            `New brief ${brief.briefId} from ${brief.clientId}: "${brief.title}", due ${brief.dueDate}. ` +
              `AI estimate ~${analysis.estimate.hours}h, ${plural(analysis.deliverables.length, "deliverable")}, ${plural(analysis.risks.length, "risk")}. ` +
              `Slot held until ${intake.slotHeldUntil}, waiting for client approval.`,
          ),
        );
        await progress.update("approval", "Waiting for client approval", "waiting");
        return analysis;
      })();

      // No approval by APPROVAL_REMINDER_AFTER (and the team told): remind the client once.
      const reminder = Promise.all([beforeReminder, prepared]).then(async ([early]) => {
        if (early) return;
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
      });

      const decided = Promise.all([decision, prepared, reminder]).then(([approval, analysis]) => ({ withdrawn: false as const, approval, analysis }));
      const withdrawnEarlier = earlier.then((found) => (found.withdrawn ? { withdrawn: true as const } : never<{ withdrawn: true }>()));
      return Promise.race([decided, withdrawnEarlier]);
    });

    if (settled.withdrawn) {
      // Withdrawn before cancelOn could see it: do what intake-brief-cancelled would.
      await step.run("release-slot", () =>
        webhook.post(`Intake of brief ${brief.briefId} was cancelled (brief withdrawn before its intake started); its held slot is released.`),
      );
      await progress.result("cancelled", { briefId: brief.briefId });
      return { outcome: "withdrawn" as const, briefId: brief.briefId };
    }
    const { approval, analysis } = settled;

    if (!approval) {
      await step.run("release-slot", () =>
        webhook.post(`Brief ${brief.briefId} ("${brief.title}") expired without approval after ${intake.approvalTimeout}; its slot is released.`),
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
        summary: analysis.summary,
      }),
    );
    await progress.update("approval", "Approved", "done", `by ${approval.approvedBy}`);
    await progress.result("completed", { briefId: brief.briefId, projectId });
    return { outcome: "approved" as const, briefId: brief.briefId, projectId, approvedBy: approval.approvedBy };
  },
);
