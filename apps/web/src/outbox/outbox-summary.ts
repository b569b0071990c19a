import { type OutboxMessage } from "./outbox-message.ts";

/** What the Outbox page shows for a message: the usual fields when present, else nothing special. */
export type OutboxSummary = { to?: string; subject?: string; text?: string };

/** Reads the Slack-style `{ text }` and email-style `{ to, subject, text }` fields, if the body has them. */
export function summariseOutboxMessage(message: OutboxMessage): OutboxSummary {
  const body = message.body;
  if (body === null || typeof body !== "object" || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const pick = (key: string) => (typeof record[key] === "string" ? record[key] : undefined);
  const summary: OutboxSummary = {};
  const to = pick("to");
  const subject = pick("subject");
  const text = pick("text") ?? pick("message");
  if (to !== undefined) summary.to = to;
  if (subject !== undefined) summary.subject = subject;
  if (text !== undefined) summary.text = text;
  return summary;
}
