import { callService } from "./call-service.ts";
import { fetchDurably, type DurableFetchSteps } from "./fetch-durably.ts";
import { jsonPost } from "./service-request.ts";

export type WebhookConfig = { url: string; token?: string | undefined; timeoutMs: number };

/**
 * The studio team's chat channel: a Slack-style incoming webhook taking `{ text }`. Locally it is
 * the web app's outbox (POST /api/outbox/webhook), which shows the messages in the UI.
 *
 * Messages are sent with step.fetch (see fetchDurably), so they must never contain personal data:
 * ids, titles and states only. Client names, emails and brief text stay out of them.
 */
export function createWebhook(config: WebhookConfig) {
  return {
    /** Posts one message to the team channel, durably. `label` names the step (and its retries). */
    notify: (step: DurableFetchSteps, label: string, text: string) =>
      fetchDurably(step, jsonPost("webhook", config.url, { text }, config.token), { label }),
    /** Posts one message to the team channel from this process: call it inside `step.run`. */
    post: (text: string) => callService(jsonPost("webhook", config.url, { text }, config.token), config.timeoutMs),
    /**
     * Posts `{ text }` to another Slack-style webhook (a reminder's own target), from this
     * process: call it inside `step.run`, since the text may be personal and must not pass
     * through Inngest unencrypted.
     */
    sendTo: (url: string, text: string) => callService(jsonPost("reminder webhook", url, { text }), config.timeoutMs),
  };
}
export type Webhook = ReturnType<typeof createWebhook>;
