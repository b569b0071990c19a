import { automationFailed } from "@studio/events";
import type { Context, FailureEventArgs, Logger } from "inngest";
import { env } from "../env.ts";
import { automationFailedData } from "./automation-failed-data.ts";
import { failedItem } from "./failed-item.ts";

type FailureStep = Pick<Context.Any["step"], "sendEvent" | "fetch">;

/**
 * The onFailure handler every AI function uses, like the worker's: one `automation.failed` event
 * per failed run (the error's e-mail addresses redacted), then an alert to the team channel
 * (WEBHOOK_URL). The alert is best effort: if the channel is down, that is logged, and the event
 * has been sent already.
 */
export async function reportFailure({ event, step, logger }: FailureEventArgs & { step: FailureStep; logger: Logger }) {
  const data = automationFailedData(event.data);
  await step.sendEvent("report-failure", automationFailed.create(data));
  const text =
    `:warning: ${data.functionId} failed for ${failedItem(event.data.event)} (run ${data.runId}): ` +
    `${data.error.name}: ${data.error.message.slice(0, 500)}`;
  let alerted = false;
  try {
    // step.fetch: Inngest makes the call, so a slow channel holds no connection here. The text
    // carries ids and the redacted error only.
    const response = await step.fetch(env.WEBHOOK_URL, {
      method: "POST",
      headers: { "content-type": "application/json", ...(env.WEBHOOK_TOKEN ? { authorization: `Bearer ${env.WEBHOOK_TOKEN}` } : {}) },
      body: JSON.stringify({ text }),
    });
    alerted = response.ok;
    if (!alerted) logger.error({ status: response.status, runId: data.runId }, `${data.functionId}: the team channel refused the failure alert`);
  } catch (error) {
    logger.error({ err: error, runId: data.runId }, `${data.functionId}: could not alert the team channel`);
  }
  return { ...data, alerted };
}
