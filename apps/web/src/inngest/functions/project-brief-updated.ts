import { briefUpdated } from "@studio/events";
import { seal } from "../../crypto/seal.ts";
import { appDatabase } from "../../db/app-database.ts";
import { projectBriefUpdated } from "../../projections/briefs/project-brief-updated.ts";
import { inngest } from "../client.ts";
import { reportWebFailure } from "../failures/report-web-failure.ts";
import { projectionInputOf } from "../projection-input-of.ts";

/**
 * Read model: records an edit of a brief (its highest revision wins).
 * Idempotent by event id and safe out of order (see the projection); no flow control: each run is
 * one short transaction. A failed attempt is retried; an event that breaks the contract fails at
 * the function's entry, for good. Either way reportWebFailure emits studio/automation.failed.
 *
 * Applies:
 * - docs/research/inngest/creating-an-event-key.md#dedupe-by-event-id (the event id keys the projection)
 * - docs/research/inngest/inngest-functions.md#the-handler-runs-many-times (a retried attempt changes nothing twice)
 * - docs/research/inngest/events-and-triggers.md#validation-at-the-functions-entry
 */
export const briefUpdatedProjection = inngest.createFunction(
  { id: "project-brief-updated", name: "Read model: brief updated", triggers: [briefUpdated], retries: 10, onFailure: reportWebFailure },
  async ({ event }) => projectBriefUpdated(await appDatabase(), seal, projectionInputOf(event)),
);
