import { reminderScheduled, reminderScheduledV2 } from "@studio/events";
import { seal } from "../../crypto/seal.ts";
import { appDatabase } from "../../db/app-database.ts";
import { projectReminderScheduled } from "../../projections/reminders/project-reminder-scheduled.ts";
import { inngest } from "../client.ts";
import { reportWebFailure } from "../failures/report-web-failure.ts";
import { projectionInputOf } from "../projection-input-of.ts";

/**
 * Read model: confirms a scheduled reminder, v1 or v2, when Inngest delivers it (the console records it when it sends it).
 * Idempotent by event id and safe out of order (see the projection); no flow control: each run is
 * one short transaction. A failed attempt is retried; an event that breaks the contract fails at
 * the function's entry, for good. Either way reportWebFailure emits studio/automation.failed.
 *
 * Applies:
 * - docs/research/inngest/creating-an-event-key.md#dedupe-by-event-id (the event id keys the projection)
 * - docs/research/inngest/inngest-functions.md#the-handler-runs-many-times (a retried attempt changes nothing twice)
 * - docs/research/inngest/events-and-triggers.md#validation-at-the-functions-entry
 */
export const reminderScheduledProjection = inngest.createFunction(
  {
    id: "project-reminder-scheduled",
    name: "Read model: reminder scheduled",
    // One name, two versions: Inngest refuses two triggers on the same event unless their
    // conditions differ, so each version has its own (as the worker's send-reminder does).
    triggers: [
      { event: reminderScheduledV2, if: "event.v == '2'" },
      { event: reminderScheduled, if: "event.v != '2'" },
    ],
    retries: 10,
    onFailure: reportWebFailure,
  },
  async ({ event }) => projectReminderScheduled(await appDatabase(), seal, projectionInputOf(event)),
);
