import { sql } from "drizzle-orm";
import { type assetTagged, type assetTaggedV2, type EventData } from "@studio/events";
import { assets } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type ProjectionInput, type ProjectionOutcome } from "../projection-input.ts";
import { type Seal } from "../seal.ts";
import { latest, newer, proposed, takeWhen } from "../upsert-rules.ts";

type Tagged = EventData<typeof assetTagged> | EventData<typeof assetTaggedV2>;

/**
 * studio/asset.tagged, v1 (tags in plaintext) or v2 (under `encrypted`, decrypted by the
 * middleware before it gets here): tags and alt text, stored sealed either way. An asset can be
 * tagged again: the newest wins.
 */
export async function projectAssetTagged(db: Database, seal: Seal, event: ProjectionInput<Tagged>): Promise<ProjectionOutcome> {
  const { assetId, projectId, model } = event.data;
  const { tags, altText } = "encrypted" in event.data ? event.data.encrypted : event.data;
  const tagging = await seal({ tags, altText });
  return applyOnce(db, event, { kind: "asset", id: assetId }, (tx, at) =>
    tx
      .insert(assets)
      .values({ assetId, projectId, tagging, tagModel: model, taggedAt: at, lastEventAt: at })
      .onConflictDoUpdate({
        target: assets.assetId,
        set: {
          ...takeWhen(newer(assets.taggedAt), { tagging: assets.tagging, tagModel: assets.tagModel, taggedAt: assets.taggedAt }),
          projectId: sql`coalesce(${assets.projectId}, ${proposed(assets.projectId)})`,
          lastEventAt: latest(assets.lastEventAt),
        },
      }),
  );
}
