import { diagnosticsPinged } from "@studio/events";
import { inngest } from "../client.ts";
import { reportWebFailure } from "../failures/report-web-failure.ts";

/**
 * Smoke check: answers studio/diagnostics.pinged with this app's id, proving the app is
 * registered and receives events. No flow control: it does nothing but reply.
 * On failure (reportWebFailure): emits studio/automation.failed, like every workflow.
 *
 * Applies:
 * - docs/research/inngest/inngest-apps.md#every-app-must-be-synced-before-its-events-matter (what a ping proves)
 */
export const ping = inngest.createFunction(
  { id: "ping", name: "Diagnostics: ping", triggers: [diagnosticsPinged], retries: 0, onFailure: reportWebFailure },
  ({ event }) => ({ app: inngest.id, pingId: event.data.pingId }),
);
