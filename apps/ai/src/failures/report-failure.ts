import { automationFailed } from "@studio/events";
import type { Context, FailureEventArgs, Logger } from "inngest";
import { env } from "../env.ts";
import { automationFailedData } from "./automation-failed-data.ts";
import { failedItem } from "./failed-item.ts";
import { postTeamAlert } from "./post-team-alert.ts";

type FailureStep = Pick<Context.Any["step"], "sendEvent" | "run">;
type TeamChannel = { url: string; token?: string | undefined };

/**
 * The onFailure handler of every AI function, built for a team channel (tests give their own).
 * Like the worker's: one `automation.failed` event per failed run (the error's e-mail addresses
 * redacted), then an alert to the team channel. The alert is sent from this process inside
 * `step.run` (postTeamAlert), never with `step.fetch`, so neither the webhook URL nor
 * WEBHOOK_TOKEN is in anything Inngest records. It is best effort: if the channel is down, that is
 * logged, and the event has been sent already.
 */
export function createReportFailure(channel: TeamChannel) {
  return async ({ event, step, logger }: FailureEventArgs & { step: FailureStep; logger: Logger }) => {
    const data = automationFailedData(event.data);
    await step.sendEvent("report-failure", automationFailed.create(data));
    const text =
      `:warning: ${data.functionId} failed for ${failedItem(event.data.event)} (run ${data.runId}): ` +
      `${data.error.name}: ${data.error.message.slice(0, 500)}`;
    const outcome = await step.run("alert-team", () => postTeamAlert(channel, text));
    if (!outcome.ok) logger.error({ ...outcome, runId: data.runId }, `${data.functionId}: the team channel refused the failure alert`);
    return { ...data, alerted: outcome.ok };
  };
}

/** The onFailure handler analyse-brief, reanalyse-brief, tag-asset and ping use (WEBHOOK_URL, WEBHOOK_TOKEN). */
export const reportFailure = createReportFailure({ url: env.WEBHOOK_URL, token: env.WEBHOOK_TOKEN });
