import { type ActivityEvent } from "./types.ts";

/**
 * How long after a run ended its page keeps refreshing: Inngest lists the events a run sent (a
 * project created, an asset processed) a moment after the run itself shows as ended.
 */
export const settleMs = 15_000;

const finished = new Set(["Completed", "Failed", "Cancelled", "Skipped"]);

/** The run is over (its output, if any, is final). */
export const isFinished = (status: string): boolean => finished.has(status);

/**
 * True while the item's page may still change without the operator doing anything: a run is
 * going, or one ended so recently that what it sent may not be listed yet.
 */
export function stillChanging(events: readonly ActivityEvent[], now: number = Date.now()): boolean {
  return events.some((event) =>
    event.runs.some((run) => !isFinished(run.status) || (run.endedAt !== undefined && now - Date.parse(run.endedAt) < settleMs)),
  );
}
