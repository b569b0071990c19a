import { digestRequested } from "@studio/events";
import { inngest } from "../client.ts";
import { env } from "../env.ts";
import { onSendDigestFailure } from "../failures/send-digest-failure.ts";
import { EMAIL_PROVIDER_CONCURRENCY } from "../services/email-concurrency.ts";
import { functionIds } from "./function-ids.ts";

/**
 * send-digest: emails one client their weekly digest.
 *
 * Trigger: studio/digest.requested (fanned out by weekly-digest).
 * Flow: look the client up in DIGEST_CLIENTS (skip, with a warning, if it has been removed since
 * the fan-out) → email the digest.
 *
 * Flow control:
 * - rateLimit 1 per clientId per 24h: a client never gets two digests in a day, whatever
 *   re-sends or re-runs happen. Rate limiting drops the extra runs, which is what we want here
 *   (a late duplicate digest is worse than none).
 * - concurrency: the email budget shared with the other emailing functions.
 * - retries 3.
 * On failure (onSendDigestFailure): emits studio/automation.failed and alerts the team.
 *
 * Applies:
 * - docs/research/inngest/inngest-functions-resources.md#rate-limiting-loses-events-throttling-does-not (rateLimit, on purpose)
 * - docs/research/inngest/inngest-functions-resources.md#concurrency (the shared email budget)
 */
export const sendDigest = inngest.createFunction(
  {
    id: functionIds.sendDigest,
    name: "Digest: email one client",
    triggers: [digestRequested],
    rateLimit: { key: "event.data.clientId", limit: 1, period: "24h" },
    concurrency: [EMAIL_PROVIDER_CONCURRENCY],
    retries: 3,
    onFailure: (ctx) => onSendDigestFailure(ctx),
  },
  async ({ event, step, logger, email }) => {
    const { clientId, weekStarting } = event.data;
    const address = env.DIGEST_CLIENTS.get(clientId);
    if (!address) {
      logger.warn({ clientId }, "digest requested for a client that is not in DIGEST_CLIENTS; skipped");
      return { outcome: "skipped" as const, clientId, reason: "client not in DIGEST_CLIENTS" };
    }
    await step.run("email-digest", () =>
      email.send({
        to: address,
        subject: `Your Studio+233 week, starting ${weekStarting}`,
        text:
          `Hello,\n\nhere is your weekly update from Studio+233 for the week starting ${weekStarting}. ` +
          `Your projects, assets and invoices are in the client portal.\n\nStudio+233`,
      }),
    );
    return { outcome: "sent" as const, clientId, weekStarting };
  },
);
