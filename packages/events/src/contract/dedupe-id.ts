import { type z } from "zod";
import { type ContractEventType, type EventSchema } from "./contract-event-type.ts";

/**
 * The deterministic Inngest event id for a unique fact: `studio/brief.submitted@1:<briefId>`.
 * Inngest ignores a second event with an id it has already seen (within its dedupe window),
 * so sending the same fact twice starts its functions once.
 */
export function dedupeId<TName extends string, TSchema extends EventSchema>(
  event: ContractEventType<TName, TSchema, true>,
  data: z.input<TSchema>,
): string {
  const rule = event.contract.dedupe;
  if (!rule) {
    throw new Error(`${event.name} has no dedupe rule: it does not describe a unique fact. Send it with create(data).`);
  }
  return `${event.contract.key}:${rule(data)}`;
}
