import { EventType } from "inngest";
import { type z } from "zod";
import { type Party } from "../apps.ts";
import { validateEventData } from "./validate-event-data.ts";

/** Every event payload is a zod object; the contract never uses transforms or defaults. */
export type EventSchema = z.ZodObject;

/** Marks an event as on its way out: kept (and served) until consumers have moved to `replacedBy`. */
export interface Deprecation {
  /** The contract key (`name@version`) that replaces this event. */
  readonly replacedBy: string;
  /** When producers may stop sending it (ISO date). */
  readonly removeAfter: string;
}

/** The metadata the contract keeps for every event, beyond what Inngest needs. */
export interface EventContract<TName extends string, TSchema extends EventSchema> {
  readonly name: TName;
  readonly version: string;
  /** `name@version`: the unique key of this event in the contract (and in the compatibility gate). */
  readonly key: `${TName}@${string}`;
  readonly owner: Party;
  readonly producers: readonly Party[];
  readonly consumers: readonly Party[];
  /** One line, shown in the catalog. */
  readonly description: string;
  readonly schema: TSchema;
  /** The unique fact an event describes, e.g. the brief id; present only where one exists. */
  readonly dedupe?: (data: z.input<TSchema>) => string;
  readonly deprecated?: Deprecation;
}

/**
 * An Inngest `EventType` that also carries its contract. It works wherever an `EventType` does
 * (`triggers`, `step.waitForEvent`, `create`) and its `validate()` names every bad field at once.
 * `TDeduped` records at the type level whether the event has a dedupe rule.
 */
export class ContractEventType<
  TName extends string,
  TSchema extends EventSchema,
  TDeduped extends boolean = boolean,
> extends EventType<TName, TSchema> {
  readonly contract: EventContract<TName, TSchema>;
  /** Type-level flag only (no runtime value): whether `createWithDedupe` accepts this event. */
  declare readonly deduped: TDeduped;

  constructor(contract: EventContract<TName, TSchema>) {
    super({ name: contract.name, schema: contract.schema, version: contract.version });
    this.contract = Object.freeze({ ...contract });
  }

  override create(
    ...args: Parameters<EventType<TName, TSchema>["create"]>
  ): ReturnType<EventType<TName, TSchema>["create"]> {
    const created = super.create(...args);
    // Validate the data as given, even if middleware (encryption) later rewrites the payload.
    const data: unknown = created.data;
    return {
      ...created,
      // Async like Inngest's own validate(): a bad payload rejects the send instead of throwing.
      validate: () =>
        new Promise<void>((resolve) => {
          validateEventData(this, data);
          resolve();
        }),
    };
  }
}

/** Any event of the contract. */
export type AnyContractEvent = ContractEventType<string, EventSchema>;
