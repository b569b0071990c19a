import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { EventData, assetProcessed, ModelInfo } from "@studio/events";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** One row per asset, kept by the asset projections; each event fills its own columns (see briefs.ts). */
export const assets = pgTable(
  "assets",
  {
    assetId: text("asset_id").primaryKey(),
    projectId: text("project_id"),
    // studio/asset.uploaded
    fileName: text("file_name"),
    contentType: text("content_type"),
    bytes: integer("bytes"),
    sourceUrl: text("source_url"),
    uploadedAt: at("uploaded_at"),
    // studio/asset.processed
    renditions: jsonb("renditions").$type<EventData<typeof assetProcessed>["renditions"]>(),
    processedAt: at("processed_at"),
    // studio/asset.tagged (v1 and v2): the newest tagging wins
    /** Sealed `{ tags, altText }`: the model's answer about a client's asset (v2 sends it encrypted). */
    tagging: jsonb("tagging"),
    tagModel: jsonb("tag_model").$type<ModelInfo>(),
    taggedAt: at("tagged_at"),
    lastEventAt: at("last_event_at").notNull(),
    status: text("status")
      .notNull()
      .generatedAlwaysAs(
        sql`case when tagged_at is not null then 'tagged' when processed_at is not null then 'processed' when uploaded_at is not null then 'registered' else 'pending' end`,
      ),
  },
  (t) => [
    index("assets_uploaded_idx").on(t.uploadedAt.desc(), t.assetId),
    index("assets_status_idx").on(t.status, t.uploadedAt.desc()),
    index("assets_project_idx").on(t.projectId, t.uploadedAt.desc()),
  ],
);
