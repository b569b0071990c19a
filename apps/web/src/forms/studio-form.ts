import { type FormField } from "./form-field.ts";
import { type ProducibleEvent } from "../produce/producible-events.ts";

/** A form of the operator console: the event it sends and how its inputs become that event's data. */
export type StudioForm<TEvent extends ProducibleEvent = ProducibleEvent> = {
  event: TEvent;
  fields: readonly FormField[];
};
