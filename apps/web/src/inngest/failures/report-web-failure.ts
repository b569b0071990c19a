import { appIds, automationFailed } from "@studio/events";
import type { Context, FailureEventArgs } from "inngest";

type FailureStep = Pick<Context.Any["step"], "sendEvent">;

/** The projection that records reports: a failure to record a report about itself is not re-reported. */
const REPORT_PROJECTION = "project-automation-failed";

/**
 * onFailure of every web app function (the ping and each read-model projection): one
 * studio/automation.failed, as every workflow of the other apps sends, so an event that could not
 * be recorded in the console's database (a malformed payload sent straight to Inngest, or a
 * database that stayed down through every retry) is seen instead of dropped. The web app has no
 * team channel of its own; the event is what alerting subscribes to. Ids only: the error is cut
 * to the contract's 4,000 characters and no payload field is copied.
 *
 * One exception breaks a loop: when recording a report about the report projection itself fails
 * (the database is down), reporting again would start another run that fails the same way, for
 * ever. That run is returned as skipped; the engine still lists it as failed.
 *
 * Applies:
 * - docs/research/inngest/inngest-functions.md#the-handler-runs-many-times (the handler is a function run of its own)
 */
export async function reportWebFailure({ event, step }: FailureEventArgs & { step: FailureStep }) {
  const failed = event.data;
  const prefix = `${appIds.web}-`;
  const original = failed.event as { name?: string; id?: string; data?: { app?: unknown; functionId?: unknown } } | undefined;
  const functionId = failed.function_id.startsWith(prefix) ? failed.function_id.slice(prefix.length) : failed.function_id;
  const data = {
    app: appIds.web,
    functionId,
    runId: failed.run_id,
    trigger: { name: original?.name || "unknown", ...(original?.id ? { id: original.id } : {}) },
    error: { name: failed.error?.name || "Error", message: (failed.error?.message ?? "").slice(0, 4000) },
    compensated: false,
  };
  const reportOfItself =
    functionId === REPORT_PROJECTION && original?.name === automationFailed.name && original.data?.app === appIds.web && original.data.functionId === REPORT_PROJECTION;
  if (reportOfItself) return { skipped: "a report about recording reports is not reported again", ...data };
  await step.sendEvent("report-automation-failed", automationFailed.create(data));
  return data;
}
