import { assetTagged, assetTaggedV2 } from "@studio/events";
import { seal } from "../../crypto/seal.ts";
import { appDatabase } from "../../db/app-database.ts";
import { projectAssetTagged } from "../../projections/assets/project-asset-tagged.ts";
import { inngest } from "../client.ts";
import { reportWebFailure } from "../failures/report-web-failure.ts";
import { projectionInputOf } from "../projection-input-of.ts";

/**
 * Read model: records an asset's AI tags and alt text, v1 or v2 (the middleware decrypts v2's; stored sealed; the newest tagging wins).
 * Idempotent by event id and safe out of order (see the projection); no flow control: each run is
 * one short transaction. A failed attempt is retried; an event that breaks the contract fails at
 * the function's entry, for good. Either way reportWebFailure emits studio/automation.failed.
 *
 * Applies:
 * - docs/research/inngest/creating-an-event-key.md#dedupe-by-event-id (the event id keys the projection)
 * - docs/research/inngest/inngest-functions.md#the-handler-runs-many-times (a retried attempt changes nothing twice)
 * - docs/research/inngest/events-and-triggers.md#validation-at-the-functions-entry
 */
export const assetTaggedProjection = inngest.createFunction(
  {
    id: "project-asset-tagged",
    name: "Read model: asset tagged",
    // One name, two versions: each trigger has its own condition (see project-brief-analysed).
    triggers: [
      { event: assetTaggedV2, if: "event.v == '2'" },
      { event: assetTagged, if: "event.v != '2'" },
    ],
    retries: 10,
    onFailure: reportWebFailure,
  },
  async ({ event }) => projectAssetTagged(await appDatabase(), seal, projectionInputOf(event)),
);
