import { callService } from "./call-service.ts";
import { jsonPost } from "./service-request.ts";

export type EmailConfig = { url: string; apiKey?: string | undefined; timeoutMs: number };
export type EmailMessage = { to: string; subject: string; text: string };

/**
 * The email provider: POST `{ to, subject, text }`. Locally it is the web app's outbox
 * (POST /api/outbox/email).
 *
 * Emails carry personal data (the address, names), so they are sent from inside `step.run`, not
 * with step.fetch: the request never passes through Inngest, and the step's result is encrypted
 * by the Studio middleware. A failure throws the error classifyResponse chose, so Inngest retries
 * the step (or stops at once for a 4xx).
 */
export function createEmail(config: EmailConfig) {
  return {
    send: async (message: EmailMessage) => {
      await callService(jsonPost("email", config.url, message, config.apiKey), config.timeoutMs);
      return { sentTo: message.to, subject: message.subject };
    },
  };
}
