import { type ActivityEvent } from "./types.ts";

type QueryValue = string | string[] | undefined;

/** What the operator's last form sent, read from the `?sent=<kind>&event=<id>` its action redirected to. */
export type SentEvent = {
  kind: string;
  /**
   * Inngest lists the event already. False for the moment between Inngest accepting an event and
   * listing it (it stores events asynchronously): the page must not show the item as before.
   */
  recorded: boolean;
};

/**
 * Reads the redirect's query against the item's activity. `events` is undefined when Inngest could
 * not be read: then nothing can be confirmed, and the page shows that problem instead of waiting.
 */
export function sentEvent(query: { sent?: QueryValue; event?: QueryValue }, events: readonly ActivityEvent[] | undefined): SentEvent | undefined {
  const kind = single(query.sent);
  if (!kind) return undefined;
  const eventId = single(query.event);
  const recorded = !eventId || events === undefined || events.some((event) => event.id === eventId);
  return { kind, recorded };
}

/** A sent event of this kind that Inngest does not list yet. */
export function isPending(sent: SentEvent | undefined, kind: string): boolean {
  return sent?.kind === kind && !sent.recorded;
}

function single(value: QueryValue): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}
