import { type z } from "zod";
import { type Party } from "../apps.ts";
import { ContractEventType, type Deprecation, type EventSchema } from "./contract-event-type.ts";

interface EventDefinitionBase<TName extends string, TSchema extends EventSchema> {
  /** `<domain>/<noun>.<past-tense verb>`, e.g. `studio/brief.submitted`. */
  name: TName;
  version: string;
  owner: Party;
  producers: readonly Party[];
  consumers: readonly Party[];
  description: string;
  /** A zod object without transforms or defaults: Inngest v4 hands handlers the raw data. */
  schema: NoTransform<TSchema>;
  deprecated?: Deprecation;
}

/** Rejects schemas whose input and output types differ (transforms, defaults, coercion). */
type NoTransform<TSchema extends EventSchema> = [z.input<TSchema>] extends [z.output<TSchema>]
  ? [z.output<TSchema>] extends [z.input<TSchema>]
    ? TSchema
    : "the contract does not allow transforms or defaults in event schemas"
  : "the contract does not allow transforms or defaults in event schemas";

export interface DedupedEventDefinition<TName extends string, TSchema extends EventSchema>
  extends EventDefinitionBase<TName, TSchema> {
  /** The unique fact the event describes; becomes part of the event id so Inngest drops repeats. */
  dedupe: (data: z.input<TSchema>) => string;
}

export type EventDefinition<TName extends string, TSchema extends EventSchema> = EventDefinitionBase<
  TName,
  TSchema
> & { dedupe?: undefined };

/** Declares one event of the contract: an Inngest `EventType` with its metadata on `.contract`. */
export function defineEvent<const TName extends string, TSchema extends EventSchema>(
  definition: DedupedEventDefinition<TName, TSchema>,
): ContractEventType<TName, TSchema, true>;
export function defineEvent<const TName extends string, TSchema extends EventSchema>(
  definition: EventDefinition<TName, TSchema>,
): ContractEventType<TName, TSchema, false>;
export function defineEvent<const TName extends string, TSchema extends EventSchema>(
  definition: EventDefinitionBase<TName, TSchema> & { dedupe?: (data: z.input<TSchema>) => string },
): ContractEventType<TName, TSchema> {
  return new ContractEventType<TName, TSchema>({
    ...definition,
    schema: definition.schema as TSchema,
    key: `${definition.name}@${definition.version}`,
  });
}
