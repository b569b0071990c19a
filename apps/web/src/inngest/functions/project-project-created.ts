import { projectCreated } from "@studio/events";
import { appDatabase } from "../../db/app-database.ts";
import { projectProjectCreated } from "../../projections/briefs/project-project-created.ts";
import { inngest } from "../client.ts";
import { reportWebFailure } from "../failures/report-web-failure.ts";
import { projectionInputOf } from "../projection-input-of.ts";

/**
 * Read model: records the project an approved brief became.
 * Idempotent by event id and safe out of order (see the projection); no flow control: each run is
 * one short transaction. A failed attempt is retried; an event that breaks the contract fails at
 * the function's entry, for good. Either way reportWebFailure emits studio/automation.failed.
 *
 * Applies:
 * - docs/research/inngest/creating-an-event-key.md#dedupe-by-event-id (the event id keys the projection)
 * - docs/research/inngest/inngest-functions.md#the-handler-runs-many-times (a retried attempt changes nothing twice)
 * - docs/research/inngest/events-and-triggers.md#validation-at-the-functions-entry
 */
export const projectCreatedProjection = inngest.createFunction(
  { id: "project-project-created", name: "Read model: project created", triggers: [projectCreated], retries: 10, onFailure: reportWebFailure },
  async ({ event }) => projectProjectCreated(await appDatabase(), projectionInputOf(event)),
);
