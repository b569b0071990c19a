import { NonRetriableError } from "inngest";
import { inngest } from "../client.ts";
import { onIntakeBriefCancelledFailure } from "../failures/intake-brief-cancelled-failure.ts";
import { originalField } from "../failures/report-failure.ts";
import { progressFor } from "../progress/progress.ts";
import { functionIds, slugOf } from "./function-ids.ts";

/**
 * intake-brief-cancelled: cleans up after an intake run that was cancelled.
 *
 * Trigger: inngest/function.cancelled, filtered to intake-brief's slug. That happens when
 * studio/brief.withdrawn arrives (intake-brief's cancelOn) or when an operator cancels the run.
 * Inngest puts the cancelled run's triggering event in `data.event`, which gives the brief id.
 * Flow: release the slot intake held (team channel) and publish the "cancelled" outcome on
 * `brief:<briefId>`.
 * Flow control: none needed (one small run per cancelled intake); retries 5 because a slot that
 * is never released blocks capacity.
 * On failure: emits studio/automation.failed and alerts the team, who release the slot by hand.
 *
 * Applies:
 * - docs/research/inngest/cleanup-after-function-cancellation.md#the-payload-carries-the-original-event (brief id from data.event)
 * - docs/research/inngest/cleanup-after-function-cancellation.md#the-filter-must-use-the-slug (the if on function_id)
 * - docs/research/inngest/cleanup-after-function-cancellation.md#a-cancellation-may-carry-no-usable-event (NonRetriableError)
 */
export const intakeBriefCancelled = inngest.createFunction(
  {
    id: functionIds.intakeBriefCancelled,
    name: "Intake: release a cancelled brief",
    triggers: [{ event: "inngest/function.cancelled", if: `event.data.function_id == '${slugOf(functionIds.intakeBrief)}'` }],
    retries: 5,
    onFailure: (ctx) => onIntakeBriefCancelledFailure(ctx),
  },
  async ({ event, step, logger, webhook }) => {
    // The SDK types only function_id and run_id; Inngest also sends the cancelled run's event.
    const cancelled = event.data as { run_id: string; event?: unknown };
    const cancelledRunId = cancelled.run_id;
    const briefId = originalField(cancelled.event, "briefId");
    if (!briefId) {
      throw new NonRetriableError(
        `cancelled intake run ${cancelledRunId} carries no brief id in data.event; release its slot by hand (docs/runbooks/worker-intake-brief.md)`,
      );
    }
    await webhook.notify(
      step,
      "release-slot",
      `Intake of brief ${briefId} was cancelled (brief withdrawn or run stopped); its held slot is released.`,
    );
    await progressFor({ step, logger }, functionIds.intakeBrief, `brief:${briefId}`).result("cancelled", { briefId });
    return { released: true, briefId, cancelledRunId };
  },
);
