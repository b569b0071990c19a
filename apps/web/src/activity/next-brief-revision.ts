import { type ActivityEvent } from "./types.ts";
import { latestBriefUpdate } from "./latest-brief-update.ts";

/**
 * The revision the next edit of a brief carries: one past the highest revision already in its
 * activity (1 for the first edit). Derived from what Inngest holds, not from a clock, so the page
 * renders the same number until an edit arrives: a double-click sends one dedupe id
 * (`<briefId>:<revision>`) and Inngest keeps the first.
 */
export function nextBriefRevision(activity: readonly ActivityEvent[]): number {
  return (latestBriefUpdate(activity)?.revision ?? 0) + 1;
}
