import { type z } from "zod";
import { type ContractEventType, type EventSchema } from "./contract-event-type.ts";
import { dedupeId } from "./dedupe-id.ts";

export interface CreateOptions {
  /** Unix ms at which Inngest should deliver the event (a future time schedules it). */
  ts?: number;
}

/** `event.create(data)` with the event's deterministic id, so a repeated send is dropped by Inngest. */
export function createWithDedupe<TName extends string, TSchema extends EventSchema>(
  event: ContractEventType<TName, TSchema, true>,
  data: z.input<TSchema>,
  options: CreateOptions = {},
) {
  return event.create(...([data, { ...options, id: dedupeId(event, data) }] as unknown as Parameters<typeof event.create>));
}
