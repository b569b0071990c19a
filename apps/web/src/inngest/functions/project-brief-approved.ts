import { briefApproved } from "@studio/events";
import { appDatabase } from "../../db/app-database.ts";
import { projectBriefApproved } from "../../projections/briefs/project-brief-approved.ts";
import { inngest } from "../client.ts";
import { reportWebFailure } from "../failures/report-web-failure.ts";
import { projectionInputOf } from "../projection-input-of.ts";

/**
 * Read model: records who approved a brief, by which decision.
 * Idempotent by event id and safe out of order (see the projection); no flow control: each run is
 * one short transaction. A failed attempt is retried; an event that breaks the contract fails at
 * the function's entry, for good. Either way reportWebFailure emits studio/automation.failed.
 *
 * Applies:
 * - docs/research/inngest/creating-an-event-key.md#dedupe-by-event-id (the event id keys the projection)
 * - docs/research/inngest/inngest-functions.md#the-handler-runs-many-times (a retried attempt changes nothing twice)
 * - docs/research/inngest/events-and-triggers.md#validation-at-the-functions-entry
 */
export const briefApprovedProjection = inngest.createFunction(
  { id: "project-brief-approved", name: "Read model: brief approved", triggers: [briefApproved], retries: 10, onFailure: reportWebFailure },
  async ({ event }) => projectBriefApproved(await appDatabase(), projectionInputOf(event)),
);
