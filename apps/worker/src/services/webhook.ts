import { callService } from "./call-service.ts";
import { fetchDurably, type DurableFetchSteps } from "./fetch-durably.ts";
import { jsonPost } from "./service-request.ts";
import { createTargetFetch } from "./target-fetch.ts";
import { type TargetPolicy } from "./target-policy.ts";

export type WebhookConfig = {
  url: string;
  token?: string | undefined;
  timeoutMs: number;
  /**
   * WEBHOOK_VIA_INNGEST: team messages go out with step.fetch, which records the request (URL,
   * headers, body) in the run's trace. Only without a token (env.ts refuses both), and only for a
   * URL that is not itself a credential.
   */
  viaInngest?: boolean;
  /** Where a reminder's own webhook URL (event data) may point. */
  targets: TargetPolicy;
};

/**
 * The studio team's chat channel: a Slack-style incoming webhook taking `{ text }`. Locally it is
 * the web app's outbox (POST /api/outbox/webhook), which shows the messages in the UI.
 *
 * Messages are sent from this process inside `step.run` (callService): a Slack webhook URL is a
 * credential, and so is WEBHOOK_TOKEN, and neither may sit in a request Inngest records (a
 * step.fetch request is stored, headers included, in every run's trace). The step's result is
 * encrypted like any other; a failed post is retried as a step. With WEBHOOK_VIA_INNGEST (no token)
 * they go with step.fetch instead (fetchDurably), recorded in the trace.
 *
 * Either way messages must never contain personal data: ids, titles and states only. Client
 * names, emails and brief text stay out of them.
 */
export function createWebhook(config: WebhookConfig) {
  const toTarget = createTargetFetch(config.targets, "reminder webhook");
  return {
    /** Posts one message to the team channel, durably. `label` names the step (and its retries). */
    notify: (step: DurableFetchSteps & { run: RunStep }, label: string, text: string) =>
      config.viaInngest && !config.token
        ? fetchDurably(step, jsonPost("webhook", config.url, { text }), { label })
        : step.run(label, () => callService(jsonPost("webhook", config.url, { text }, config.token), config.timeoutMs)),
    /** Posts one message to the team channel from this process: call it inside `step.run`. */
    post: (text: string) => callService(jsonPost("webhook", config.url, { text }, config.token), config.timeoutMs),
    /**
     * Posts `{ text }` to another Slack-style webhook (a reminder's own target), from this
     * process: call it inside `step.run`, since the text may be personal and must not pass
     * through Inngest unencrypted. The URL comes from event data, so it goes through the target
     * policy (createTargetFetch): an address the worker must not call throws TargetRefusedError
     * before anything is sent.
     */
    sendTo: (url: string, text: string) => callService(jsonPost("reminder webhook", url, { text }), config.timeoutMs, toTarget),
  };
}
export type Webhook = ReturnType<typeof createWebhook>;

/** The part of `step.run` notify uses. */
type RunStep = (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
