import { workflowProgress, type ProgressUpdate, type WorkflowResult } from "@studio/events";
import { type Logger, type WorkerStep } from "../types.ts";

type PublishStep = { realtime: Pick<WorkerStep["realtime"], "publish"> };

/**
 * Live progress for the operator UI: `workflowProgress({ subject })`, where subject is
 * "brief:<id>", "asset:<id>" or "invoice:<id>" (the web app subscribes to exactly that).
 *
 * Each message is a durable step, so a replay does not publish twice. Progress is a courtesy:
 * when publishing fails (after the step's retries) the failure is logged and the workflow goes on.
 */
export function progressFor(
  ctx: { step: PublishStep; logger: Logger },
  workflow: string,
  subject: string,
  /** Prefix for the step ids, needed when one run reports on several subjects. */
  stepPrefix = "",
) {
  const channel = workflowProgress({ subject });
  const publish = async (id: string, send: () => Promise<unknown>) => {
    try {
      await send();
    } catch (error) {
      ctx.logger.warn({ err: error, subject, step: id }, "live progress was not published; the workflow carries on");
    }
  };
  return {
    /** One stage's state; the step id is unique per stage and state (`progress-<key>-<state>`). */
    update: (key: string, label: string, state: ProgressUpdate["state"], detail?: string) => {
      const id = `progress-${stepPrefix}${key}-${state}`;
      const update: ProgressUpdate = { workflow, step: key, label, state, at: new Date().toISOString(), ...(detail ? { detail } : {}) };
      return publish(id, () => ctx.step.realtime.publish(id, channel.progress, update));
    },
    /** The workflow's outcome for this subject (published once, at the end). */
    result: (outcome: WorkflowResult["outcome"], data?: Record<string, unknown>) => {
      const id = `progress-${stepPrefix}result-${outcome}`;
      const result: WorkflowResult = { workflow, outcome, at: new Date().toISOString(), ...(data ? { data } : {}) };
      return publish(id, () => ctx.step.realtime.publish(id, channel.result, result));
    },
  };
}
