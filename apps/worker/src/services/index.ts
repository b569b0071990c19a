import { type Env } from "../env.ts";
import { createEmail } from "./email.ts";
import { createRendition } from "./rendition.ts";
import { createWebhook } from "./webhook.ts";

/** The outside-service clients, built once from the validated env and handed to every function's ctx. */
export function createServices(env: Env) {
  const timeoutMs = env.OUTSIDE_CALL_TIMEOUT.ms;
  return {
    webhook: createWebhook({
      url: env.WEBHOOK_URL,
      token: env.WEBHOOK_TOKEN,
      viaInngest: env.WEBHOOK_VIA_INNGEST ?? false,
      timeoutMs,
      targets: { hosts: env.EVENT_TARGET_HOSTS, allowPrivate: env.EVENT_TARGET_ALLOW_PRIVATE ?? false },
    }),
    email: createEmail({ url: env.EMAIL_API_URL, apiKey: env.EMAIL_API_KEY, timeoutMs }),
    rendition: createRendition({ url: env.RENDITION_URL, apiKey: env.RENDITION_API_KEY, timeoutMs }),
  };
}
