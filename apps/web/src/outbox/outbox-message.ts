/** Where a message would have gone: a Slack-style webhook or an email provider. */
export type OutboxChannel = "webhook" | "email";

export const outboxChannels: readonly OutboxChannel[] = ["webhook", "email"];

/** One message kept by the local outbox, exactly as it was posted (any JSON). */
export type OutboxMessage = {
  id: string;
  channel: OutboxChannel;
  /** ISO instant at which the web app received it. */
  receivedAt: string;
  body: unknown;
};
