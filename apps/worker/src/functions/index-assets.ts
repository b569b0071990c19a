import { inngest } from "../client.ts";
import { env } from "../env.ts";
import { assetProcessed } from "@studio/events";
import { onIndexAssetsFailure } from "../failures/index-assets-failure.ts";
import { progressFor } from "../progress/progress.ts";
import { functionIds } from "./function-ids.ts";
import { plural } from "./plural.ts";

/**
 * index-assets: announces processed assets to the team, a batch at a time.
 *
 * Trigger: studio/asset.processed (from process-asset).
 * Flow: build the project's asset index from the batch (latest renditions per asset) → post
 * ONE message per batch to the team channel → publish "indexed" on each `asset:<assetId>`.
 *
 * Flow control: batchEvents (up to INDEX_BATCH_SIZE events, default 50, or whatever arrived
 * within INDEX_BATCH_TIMEOUT, default 10s) keyed by projectId. A bulk upload of 200 images would
 * otherwise post 200 messages; batching per project turns that into a handful, one per project.
 * On failure (onIndexAssetsFailure): emits studio/automation.failed and alerts. Nothing to undo.
 *
 * Applies:
 * - docs/research/inngest/inngest-functions-resources.md#batched-handlers-must-read-events-not-event (the whole batch)
 * - docs/research/inngest/inngest-functions-resources.md#batching (50 events or 10s per project)
 * - docs/research/inngest/performing-api-requests-or-fetch.md#stepfetch-requests-are-stored-in-plain-text (the message carries ids only)
 */
export const indexAssets = inngest.createFunction(
  {
    id: functionIds.indexAssets,
    name: "Assets: index processed assets (batched)",
    triggers: [assetProcessed],
    batchEvents: { maxSize: env.INDEX_BATCH_SIZE, timeout: env.INDEX_BATCH_TIMEOUT, key: "event.data.projectId" },
    retries: 3,
    onFailure: (ctx) => onIndexAssetsFailure(ctx),
  },
  async ({ events, step, logger, webhook }) => {
    const index = await step.run("build-index", () => {
      // The same asset can be processed twice (a re-upload): the latest event wins.
      const byAsset = new Map(events.map((e) => [e.data.assetId, e.data]));
      const projects = new Map<string, { assetId: string; sizes: string[] }[]>();
      for (const asset of byAsset.values()) {
        const list = projects.get(asset.projectId) ?? [];
        list.push({ assetId: asset.assetId, sizes: asset.renditions.map((r) => r.size) });
        projects.set(asset.projectId, list);
      }
      return [...projects].map(([projectId, assets]) => ({ projectId, assets }));
    });

    for (const { projectId, assets } of index) {
      const listed = assets.map((a) => `${a.assetId} (${a.sizes.join(", ")})`);
      await webhook.notify(
        step,
        `announce-${projectId}`,
        `${plural(assets.length, "asset")} ready in project ${projectId}: ${listed.slice(0, 20).join("; ")}` +
          (listed.length > 20 ? `; and ${listed.length - 20} more` : ""),
      );
      for (const { assetId } of assets) {
        await progressFor({ step, logger }, functionIds.indexAssets, `asset:${assetId}`, `${assetId}-`).update(
          "index",
          "Announced to the team",
          "done",
        );
      }
    }
    return { indexed: index.reduce((n, p) => n + p.assets.length, 0), projects: index.map((p) => p.projectId) };
  },
);
