import { appIds, automationFailed } from "@studio/events";
import { type FailureEventPayload } from "inngest";
import { progressFor } from "../progress/progress.ts";
import { redactEmails } from "../services/redact.ts";
import { type Webhook } from "../services/webhook.ts";
import { type Logger, type WorkerStep } from "../types.ts";

/** What every failure handler receives (a subset of Inngest's onFailure ctx, so tests can build it). */
export type FailureArgs = {
  event: FailureEventPayload;
  error: Error;
  step: Pick<WorkerStep, "sendEvent" | "fetch" | "sleep" | "realtime" | "run">;
  logger: Logger;
  webhook: Webhook;
};

/**
 * A string field of the event that started the failed run (`event.data.event.data[key]`; the
 * failure event types that event loosely). Undefined when missing or not a string.
 */
export function originalField(original: unknown, key: string): string | undefined {
  const value = (original as { data?: Record<string, unknown> } | undefined)?.data?.[key];
  return typeof value === "string" ? value : undefined;
}

export type FailureReport = { functionId: string; runId: string; compensated: boolean; alerted: boolean };

/**
 * The common part of every worker failure handler, in this order:
 * 1. compensate: undo what the run changed outside (when the workflow has something to undo);
 * 2. emit studio/automation.failed (the web app shows it; alerting subscribes to it) saying
 *    whether compensation worked;
 * 3. tell the team channel, and publish the "failed" outcome on the item's live channel.
 * Steps 1 and 3 are best effort: their own failure is logged and never hides step 2.
 */
export async function reportFailure(
  args: FailureArgs,
  opts: {
    functionId: string;
    /** Human reference to the item, for the alert: "brief brief_01". */
    item: string;
    /** Live-progress subject ("brief:<id>"), when the workflow has one. */
    subject?: string | undefined;
    compensate?: () => Promise<void>;
  },
): Promise<FailureReport> {
  const { event, error, step, logger, webhook } = args;
  const runId = event.data.run_id;
  const original = event.data.event as { name?: string; id?: string } | undefined;
  // Error messages can echo what a service received; keep addresses out of plaintext events.
  const message = redactEmails(error.message).slice(0, 4000);

  let compensated = false;
  if (opts.compensate) {
    try {
      await opts.compensate();
      compensated = true;
    } catch (compensationError) {
      logger.error({ err: compensationError, runId }, `${opts.functionId}: compensation failed; undo by hand (see its runbook)`);
    }
  }

  await step.sendEvent(
    "report-automation-failed",
    automationFailed.create({
      app: appIds.worker,
      functionId: opts.functionId,
      runId,
      trigger: { name: original?.name ?? "unknown", ...(original?.id ? { id: original.id } : {}) },
      error: { name: error.name || "Error", message },
      compensated,
    }),
  );

  let alerted = false;
  try {
    await webhook.notify(
      step,
      "alert-team",
      `:warning: ${opts.functionId} failed for ${opts.item} (run ${runId}): ${error.name}: ${message.slice(0, 500)}` +
        (opts.compensate ? ` Compensation ${compensated ? "done" : "FAILED: undo by hand"}.` : ""),
    );
    alerted = true;
  } catch (alertError) {
    logger.error({ err: alertError, runId }, `${opts.functionId}: could not alert the team channel`);
  }

  if (opts.subject) {
    await progressFor(args, opts.functionId, opts.subject).result("failed", { error: `${error.name}: ${message.slice(0, 300)}` });
  }
  return { functionId: opts.functionId, runId, compensated, alerted };
}
