import { briefAnalysed, briefAnalysedV2 } from "@studio/events";
import { seal } from "../../crypto/seal.ts";
import { appDatabase } from "../../db/app-database.ts";
import { projectBriefAnalysed } from "../../projections/briefs/project-brief-analysed.ts";
import { inngest } from "../client.ts";
import { reportWebFailure } from "../failures/report-web-failure.ts";
import { projectionInputOf } from "../projection-input-of.ts";

/**
 * Read model: records the AI analysis of a brief, v1 or v2 (the middleware decrypts v2's analysis; it is stored sealed).
 * Idempotent by event id and safe out of order (see the projection); no flow control: each run is
 * one short transaction. A failed attempt is retried; an event that breaks the contract fails at
 * the function's entry, for good. Either way reportWebFailure emits studio/automation.failed.
 *
 * Applies:
 * - docs/research/inngest/creating-an-event-key.md#dedupe-by-event-id (the event id keys the projection)
 * - docs/research/inngest/inngest-functions.md#the-handler-runs-many-times (a retried attempt changes nothing twice)
 * - docs/research/inngest/events-and-triggers.md#validation-at-the-functions-entry
 */
export const briefAnalysedProjection = inngest.createFunction(
  {
    id: "project-brief-analysed",
    name: "Read model: brief analysed",
    // One name, two versions: Inngest refuses two triggers on the same event unless their
    // conditions differ, so each version has its own (as the worker's send-reminder does).
    triggers: [
      { event: briefAnalysedV2, if: "event.v == '2'" },
      { event: briefAnalysed, if: "event.v != '2'" },
    ],
    retries: 10,
    onFailure: reportWebFailure,
  },
  async ({ event }) => projectBriefAnalysed(await appDatabase(), seal, projectionInputOf(event)),
);
