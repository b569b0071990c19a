import { createWithDedupe, reminderScheduledV2, scheduleAt, type ContractIssue, type EventData } from "@studio/events";
import { type EventSender } from "./event-sender.ts";
import { type ProducibleEvent } from "./producible-events.ts";
import { validateIssues } from "./validate-issues.ts";

export type ProduceResult<TData = unknown> =
  | {
      ok: true;
      data: TData;
      /** The contract's dedupe id: sending the same fact again reuses it, and Inngest drops the repeat. */
      eventId: string;
      /** Inngest's internal ids of what was accepted (look runs up with these). */
      ids: string[];
      /** Set when the event is delivered later (a reminder): its `ts`. */
      deliverAt?: string;
      /** Set when the event was recorded but Inngest did not accept it (see recordingSender): why. */
      notSent?: string;
    }
  | { ok: false; issues: readonly ContractIssue[] };

/**
 * Validates `data` against the event's contract and, only if it is valid, sends what the contract
 * defines of it (unknown keys dropped) once, with the contract's dedupe id (built by `event.create()`). A reminder is sent with `ts` = its `sendAt`, so
 * Inngest delivers it then. Invalid data sends nothing and returns every bad field.
 */
export async function produceEvent<TEvent extends ProducibleEvent>(
  sender: EventSender,
  event: TEvent,
  data: unknown,
): Promise<ProduceResult<EventData<TEvent>>> {
  const issues = validateIssues(event, data);
  if (issues.length > 0) return { ok: false, issues };
  // What the contract defines, and nothing else: a key it does not know (a stray field of a
  // script, the other channel's input of a form) would otherwise reach Inngest unencrypted.
  const valid = event.schema.parse(data) as EventData<TEvent>;
  const deliverAt = isReminder(event, valid) ? new Date(valid.sendAt) : undefined;
  const payload = deliverAt ? scheduleAt(event, valid, deliverAt) : createWithDedupe(event, valid);
  const { ids, notSent } = await sender.send(payload);
  return {
    ok: true,
    data: valid,
    eventId: payload.id ?? "",
    ids,
    ...(deliverAt ? { deliverAt: deliverAt.toISOString() } : {}),
    ...(notSent ? { notSent } : {}),
  };
}

function isReminder(event: ProducibleEvent, data: unknown): data is EventData<typeof reminderScheduledV2> {
  return event.name === reminderScheduledV2.name && typeof (data as { sendAt?: unknown }).sendAt === "string";
}
