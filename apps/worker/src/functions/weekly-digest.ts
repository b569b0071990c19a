import { createWithDedupe, digestRequested } from "@studio/events";
import { cron } from "inngest";
import { inngest } from "../client.ts";
import { cronZone } from "../config/cron.ts";
import { weekStarting } from "../config/week-starting.ts";
import { env } from "../env.ts";
import { onWeeklyDigestFailure } from "../failures/weekly-digest-failure.ts";
import { functionIds } from "./function-ids.ts";

/** Events per sendEvent step; keeps each request well under Inngest's payload limit. */
const FAN_OUT_CHUNK = 500;

/**
 * weekly-digest: starts one digest per client every week.
 *
 * Trigger: cron DIGEST_CRON, default "TZ=Europe/London 0 9 * * MON". The timezone is part of the
 * schedule so the digest goes out at 09:00 London time in summer and winter alike.
 * Flow: list the clients (DIGEST_CLIENTS) → fan out one studio/digest.requested per client with
 * step.sendEvent, so each digest is its own run with its own retries and rate limit (send-digest),
 * and one client's bad address cannot stop the others. Each event carries the contract's dedupe
 * id (client + week), so a re-run of this cron in the same week requests nothing twice.
 * Flow control: none besides the schedule; retries 3.
 * On failure (onWeeklyDigestFailure): emits studio/automation.failed and alerts; re-run it from
 * the Inngest dashboard once fixed (the dedupe ids make that safe).
 *
 * Applies:
 * - docs/research/inngest/events-and-triggers.md#cron-schedules-need-their-zone (TZ= in DIGEST_CRON)
 * - docs/research/inngest/sending-events.md#large-fan-outs-go-in-chunks (FAN_OUT_CHUNK)
 * - docs/research/inngest/creating-an-event-key.md#dedupe-by-event-id (one id per client and week)
 */
export const weeklyDigest = inngest.createFunction(
  {
    id: functionIds.weeklyDigest,
    name: "Digest: weekly fan-out",
    triggers: [cron(env.DIGEST_CRON)],
    retries: 3,
    onFailure: (ctx) => onWeeklyDigestFailure(ctx),
  },
  async ({ step }) => {
    const plan = await step.run("list-clients", () => ({
      weekStarting: weekStarting(new Date(), cronZone(env.DIGEST_CRON)),
      clientIds: [...env.DIGEST_CLIENTS.keys()],
    }));
    for (let i = 0; i < plan.clientIds.length; i += FAN_OUT_CHUNK) {
      const chunk = plan.clientIds.slice(i, i + FAN_OUT_CHUNK);
      await step.sendEvent(
        `request-digests-${i / FAN_OUT_CHUNK + 1}`,
        chunk.map((clientId) => createWithDedupe(digestRequested, { clientId, weekStarting: plan.weekStarting })),
      );
    }
    return { requested: plan.clientIds.length, weekStarting: plan.weekStarting };
  },
);
