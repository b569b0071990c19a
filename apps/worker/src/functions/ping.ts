import { diagnosticsPinged } from "@studio/events";
import { inngest } from "../client.ts";
import { onPingFailure } from "../failures/ping-failure.ts";

/**
 * Smoke check: answers studio/diagnostics.pinged with this app's id, proving the app is
 * registered and receives events. No flow control: it does nothing but reply.
 * On failure (onPingFailure): emits studio/automation.failed and alerts the team, like every workflow.
 *
 * Applies:
 * - docs/research/inngest/inngest-apps.md#every-app-must-be-synced-before-its-events-matter (what a ping proves)
 */
export const ping = inngest.createFunction(
  { id: "ping", name: "Diagnostics: ping", triggers: [diagnosticsPinged], retries: 0, onFailure: (ctx) => onPingFailure(ctx) },
  ({ event }) => ({ app: inngest.id, pingId: event.data.pingId }),
);
