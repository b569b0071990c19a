import { type z } from "zod";
import { type ContractEventType, type EventSchema } from "./contract-event-type.ts";
import { dedupeId } from "./dedupe-id.ts";

/**
 * Creates an event that Inngest delivers at `when` (the `ts` field) instead of now. Events with a
 * dedupe rule also get their deterministic id, so rescheduling the same fact is not doubled.
 */
export function scheduleAt<TName extends string, TSchema extends EventSchema>(
  event: ContractEventType<TName, TSchema>,
  data: z.input<TSchema>,
  when: Date,
) {
  const ts = when.getTime();
  if (!Number.isFinite(ts)) throw new Error(`scheduleAt(${event.name}): "when" is not a valid Date`);
  const id = event.contract.dedupe ? dedupeId(event as ContractEventType<TName, TSchema, true>, data) : undefined;
  return event.create(...([data, id === undefined ? { ts } : { ts, id }] as unknown as Parameters<typeof event.create>));
}
