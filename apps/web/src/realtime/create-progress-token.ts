import { workflowProgress } from "@studio/events";
import { type Inngest } from "inngest";
import { getSubscriptionToken } from "inngest/realtime";

/** What the browser needs to subscribe: a short-lived key and where to connect. */
export type ProgressToken = { key: string; apiBaseUrl?: string };

/**
 * Mints a subscription token for one item's progress channel (topics `progress` and `result`).
 * Minted on the server, so the browser never holds the signing key; the key only opens this one
 * channel, for about a minute (the browser asks again when it reconnects).
 */
export async function createProgressToken(client: Inngest.Any, subject: string): Promise<ProgressToken> {
  const token = await getSubscriptionToken(client, { channel: workflowProgress({ subject }), topics: ["progress", "result"] });
  if (!token.key) throw new Error(`Inngest returned no realtime token for ${subject}`);
  return { key: token.key, ...(token.apiBaseUrl ? { apiBaseUrl: token.apiBaseUrl } : {}) };
}
