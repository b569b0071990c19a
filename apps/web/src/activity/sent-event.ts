type QueryValue = string | string[] | undefined;

/** What the operator's last form sent, read from the `?sent=<kind>&event=<id>` its action redirected to. */
export type SentEvent = { kind: string };

/**
 * Reads the redirect's query against what the console recorded about the item. The console
 * applies what it sends to its own database before sending, so the page already shows the change:
 * the notice only confirms it. An event that was recorded but not sent gets no confirmation (the
 * not-sent notice says what happened instead).
 */
export function sentEvent(query: { sent?: QueryValue; event?: QueryValue }, outgoing: readonly { eventId: string; status: string }[]): SentEvent | undefined {
  const kind = single(query.sent);
  if (!kind) return undefined;
  const eventId = single(query.event);
  const row = eventId ? outgoing.find((o) => o.eventId === eventId) : undefined;
  if (row && row.status !== "sent") return undefined;
  return { kind };
}

function single(value: QueryValue): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}
