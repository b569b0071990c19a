import { type assetUploaded } from "@studio/events";
import { assets } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type InputOf, type ProjectionOutcome } from "../projection-input.ts";
import { latest, takeWhen, unset } from "../upsert-rules.ts";

/** studio/asset.uploaded: the file registered for a project. Once per asset: the first wins. */
export async function projectAssetUploaded(db: Database, event: InputOf<typeof assetUploaded>): Promise<ProjectionOutcome> {
  const { assetId, projectId, fileName, contentType, bytes, sourceUrl } = event.data;
  return applyOnce(db, event, { kind: "asset", id: assetId }, (tx, at) =>
    tx
      .insert(assets)
      .values({ assetId, projectId, fileName, contentType, bytes, sourceUrl, uploadedAt: at, lastEventAt: at })
      .onConflictDoUpdate({
        target: assets.assetId,
        set: {
          ...takeWhen(unset(assets.uploadedAt), {
            projectId: assets.projectId,
            fileName: assets.fileName,
            contentType: assets.contentType,
            bytes: assets.bytes,
            sourceUrl: assets.sourceUrl,
            uploadedAt: assets.uploadedAt,
          }),
          lastEventAt: latest(assets.lastEventAt),
        },
      }),
  );
}
