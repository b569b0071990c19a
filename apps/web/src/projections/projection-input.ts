import { type AnyContractEvent, type EventData } from "@studio/events";

/** What a projection reads of an event: its id, its time and its (already decrypted) data. */
export type ProjectionInput<TData> = {
  /** The Inngest event id: the producer's dedupe id, or the one Inngest gave it. */
  id: string;
  name: string;
  /** The event's time, Unix ms (for a reminder: when it is delivered). */
  ts: number;
  data: TData;
};

export type InputOf<TEvent extends AnyContractEvent> = ProjectionInput<EventData<TEvent>>;

/** What a projection did with an event. */
export type ProjectionOutcome = { applied: true; itemKind: string; itemId: string } | { applied: false; reason: "already projected" };
