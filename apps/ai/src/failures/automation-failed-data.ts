import { appIds, type EventData, type automationFailed } from "@studio/events";
import { redactEmails } from "./redact-emails.ts";

/** What an onFailure handler knows about the failed run (a subset of Inngest's failure event). */
export interface FailedRun {
  /** `<appId>-<functionId>`, as Inngest reports it. */
  function_id: string;
  run_id: string;
  error?: { name?: string; message?: string };
  /** The event that started the failed run (absent in malformed failure events). */
  event?: { name?: string; id?: string; data?: Record<string, unknown> };
}

/**
 * The `automation.failed` payload for a run of this app that failed for good. Plain data so it can
 * be unit-tested (the test engine cannot run onFailure). Nothing outside is changed by the AI
 * functions before they fail (events are only sent on success), so there is nothing to compensate.
 * E-mail addresses in the error are redacted: the event is not encrypted.
 */
export function automationFailedData(failed: FailedRun): EventData<typeof automationFailed> {
  const prefix = `${appIds.ai}-`;
  return {
    app: appIds.ai,
    functionId: failed.function_id.startsWith(prefix) ? failed.function_id.slice(prefix.length) : failed.function_id,
    runId: failed.run_id,
    trigger: { name: failed.event?.name || "unknown", ...(failed.event?.id ? { id: failed.event.id } : {}) },
    error: { name: failed.error?.name || "Error", message: redactEmails(failed.error?.message ?? "").slice(0, 4000) },
    compensated: false,
  };
}
