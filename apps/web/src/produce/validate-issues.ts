import { assertValid, EventContractError, type ContractIssue } from "@studio/events";
import { type ProducibleEvent } from "./producible-events.ts";

/** Every contract issue of `data` for `event` (empty when valid). */
export function validateIssues(event: ProducibleEvent, data: unknown): readonly ContractIssue[] {
  try {
    assertValid(event, data);
    return [];
  } catch (error) {
    if (error instanceof EventContractError) return error.issues;
    throw error;
  }
}
