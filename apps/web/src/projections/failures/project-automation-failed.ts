import { type automationFailed } from "@studio/events";
import { automationFailures } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type InputOf, type ProjectionOutcome } from "../projection-input.ts";

/**
 * studio/automation.failed: a workflow failed for good. Kept by its own event id; the item it
 * concerns is found when a page reads it (through the trigger's id), so the report is not lost
 * when it arrives before the event that started the run.
 */
export async function projectAutomationFailed(db: Database, event: InputOf<typeof automationFailed>): Promise<ProjectionOutcome> {
  const { app, functionId, runId, trigger, error, compensated } = event.data;
  return applyOnce(db, event, { kind: "failure", id: runId }, (tx, at) =>
    tx
      .insert(automationFailures)
      .values({
        eventId: event.id,
        app,
        functionId,
        runId,
        triggerName: trigger.name,
        triggerId: trigger.id ?? null,
        errorName: error.name,
        errorMessage: error.message,
        compensated,
        failedAt: at,
      })
      .onConflictDoNothing(),
  );
}
