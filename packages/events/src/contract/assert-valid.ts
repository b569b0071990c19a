import { type z } from "zod";
import { type ContractEventType, type EventSchema } from "./contract-event-type.ts";
import { validateEventData } from "./validate-event-data.ts";

/**
 * Synchronous check of a payload against its event (e.g. at an HTTP boundary before building the
 * event). Throws `EventContractError` listing every bad field; returns the typed data otherwise.
 */
export function assertValid<TName extends string, TSchema extends EventSchema>(
  event: ContractEventType<TName, TSchema>,
  data: unknown,
): z.output<TSchema> {
  return validateEventData(event, data);
}
