import { sql } from "drizzle-orm";
import { type assetProcessed } from "@studio/events";
import { assets } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type InputOf, type ProjectionOutcome } from "../projection-input.ts";
import { latest, proposed, takeWhen, unset } from "../upsert-rules.ts";

/** studio/asset.processed: the renditions. Once per asset (dedupe key): the first wins. */
export async function projectAssetProcessed(db: Database, event: InputOf<typeof assetProcessed>): Promise<ProjectionOutcome> {
  const { assetId, projectId, renditions } = event.data;
  return applyOnce(db, event, { kind: "asset", id: assetId }, (tx, at) =>
    tx
      .insert(assets)
      .values({ assetId, projectId, renditions, processedAt: at, lastEventAt: at })
      .onConflictDoUpdate({
        target: assets.assetId,
        set: {
          ...takeWhen(unset(assets.processedAt), { renditions: assets.renditions, processedAt: assets.processedAt }),
          projectId: sql`coalesce(${assets.projectId}, ${proposed(assets.projectId)})`,
          lastEventAt: latest(assets.lastEventAt),
        },
      }),
  );
}
