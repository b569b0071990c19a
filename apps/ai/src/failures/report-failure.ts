import { automationFailed } from "@studio/events";
import type { Context, FailureEventArgs } from "inngest";
import { automationFailedData } from "./automation-failed-data.ts";

/** The onFailure handler every AI function uses: one `automation.failed` event per failed run. */
export async function reportFailure({ event, step }: FailureEventArgs & { step: Context.Any["step"] }) {
  const data = automationFailedData(event.data);
  await step.sendEvent("report-failure", automationFailed.create(data));
  return data;
}
