import { type SessionUser } from "../auth/actor.ts";
import { type FormField } from "./form-field.ts";
import { type ProducibleEvent } from "../produce/producible-events.ts";

/**
 * A form of the operator console: the event it sends, how its inputs become that event's data,
 * and the data that comes from the signed-in user instead of an input (`approvedBy`): whatever
 * the browser posts under those names is overwritten.
 */
export type StudioForm<TEvent extends ProducibleEvent = ProducibleEvent> = {
  event: TEvent;
  fields: readonly FormField[];
  fromSession?: (user: SessionUser) => Record<string, unknown>;
};
