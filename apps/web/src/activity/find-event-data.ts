import { type AnyContractEvent, type EventData } from "@studio/events";
import { type ActivityEvent } from "./types.ts";

/**
 * The data of the latest event of this contract type in an item's activity, if it is one the
 * contract accepts (typed from the contract's schema; anything else is ignored, not trusted).
 */
export function findEventData<TEvent extends AnyContractEvent>(activity: readonly ActivityEvent[], event: TEvent): EventData<TEvent> | undefined {
  for (let i = activity.length - 1; i >= 0; i--) {
    const candidate = activity[i]!;
    if (candidate.name !== event.name) continue;
    const parsed = event.schema.safeParse(candidate.data);
    if (parsed.success) return parsed.data as EventData<TEvent>;
  }
  return undefined;
}
