import { type z } from "zod";
import { type ContractEventType, type EventSchema } from "./contract-event-type.ts";

/** The payload (`data`) type of a contract event: `EventData<typeof briefSubmitted>`. */
export type EventData<TEvent> =
  TEvent extends ContractEventType<string, infer TSchema extends EventSchema> ? z.output<TSchema> : never;

/** The event name of a contract event. */
export type EventName<TEvent> = TEvent extends ContractEventType<infer TName, EventSchema> ? TName : never;

/** A whole event as a function receives it (for tests and helpers). */
export type EventOf<TEvent> = {
  name: EventName<TEvent>;
  data: EventData<TEvent>;
  id?: string;
  ts?: number;
  v?: string;
};
