import { briefSubmitted } from "@studio/events";
import { seal } from "../../crypto/seal.ts";
import { appDatabase } from "../../db/app-database.ts";
import { projectBriefSubmitted } from "../../projections/briefs/project-brief-submitted.ts";
import { inngest } from "../client.ts";
import { reportWebFailure } from "../failures/report-web-failure.ts";
import { projectionInputOf } from "../projection-input-of.ts";

/**
 * Read model: records a submitted brief in the briefs table (personal fields sealed).
 * Idempotent by event id and safe out of order (see the projection); no flow control: each run is
 * one short transaction. A failed attempt is retried; an event that breaks the contract fails at
 * the function's entry, for good. Either way reportWebFailure emits studio/automation.failed.
 *
 * Applies:
 * - docs/research/inngest/creating-an-event-key.md#dedupe-by-event-id (the event id keys the projection)
 * - docs/research/inngest/inngest-functions.md#the-handler-runs-many-times (a retried attempt changes nothing twice)
 * - docs/research/inngest/events-and-triggers.md#validation-at-the-functions-entry
 */
export const briefSubmittedProjection = inngest.createFunction(
  { id: "project-brief-submitted", name: "Read model: brief submitted", triggers: [briefSubmitted], retries: 10, onFailure: reportWebFailure },
  async ({ event }) => projectBriefSubmitted(await appDatabase(), seal, projectionInputOf(event)),
);
