import { appIds, automationFailed } from "@studio/events";
import type { Context, FailureEventArgs } from "inngest";

type FailureStep = Pick<Context.Any["step"], "sendEvent">;

/**
 * onFailure of the web app's ping (a malformed studio/diagnostics.pinged, or the app could not
 * answer): one studio/automation.failed, as every workflow of the other apps sends, so a broken
 * smoke check is seen in the console instead of dropped. The web app has no team channel of its
 * own; the event is what alerting subscribes to. Ids only: a ping carries no personal data, and
 * the error is cut to the contract's 4,000 characters.
 */
export async function reportPingFailure({ event, step }: FailureEventArgs & { step: FailureStep }) {
  const failed = event.data;
  const prefix = `${appIds.web}-`;
  const original = failed.event as { name?: string; id?: string } | undefined;
  const data = {
    app: appIds.web,
    functionId: failed.function_id.startsWith(prefix) ? failed.function_id.slice(prefix.length) : failed.function_id,
    runId: failed.run_id,
    trigger: { name: original?.name || "unknown", ...(original?.id ? { id: original.id } : {}) },
    error: { name: failed.error?.name || "Error", message: (failed.error?.message ?? "").slice(0, 4000) },
    compensated: false,
  };
  await step.sendEvent("report-automation-failed", automationFailed.create(data));
  return data;
}
