import { assetProcessed, assetUploaded, createWithDedupe } from "@studio/events";
import { inngest } from "../client.ts";
import { env } from "../env.ts";
import { onProcessAssetFailure } from "../failures/process-asset-failure.ts";
import { progressFor } from "../progress/progress.ts";
import { renditionSizes } from "../services/rendition.ts";
import { functionIds } from "./function-ids.ts";

/**
 * The rendition service states its limit in calls (RENDITION_RATE, e.g. 10 a minute) and every
 * run makes one call per size, so the throttle lets through that many calls' worth of runs.
 */
const renditionRunsPerPeriod = Math.max(1, Math.floor(env.RENDITION_RATE.limit / renditionSizes.length));

/**
 * process-asset: makes the renditions of an uploaded image.
 *
 * Trigger: studio/asset.uploaded (from the web app).
 * Flow: skip anything that is not an image → ask the rendition service for every size
 * (thumb, web, print) as parallel steps, each retried on its own → emit studio/asset.processed
 * (read by index-assets and the AI app's tagging). Progress is published on `asset:<assetId>`.
 *
 * Flow control:
 * - throttle to RENDITION_RATE (in runs: calls ÷ sizes): the rendition service allows only so
 *   many calls per period; extra runs queue instead of collecting 429s.
 * - concurrency 2 per projectId: a bulk upload to one project cannot occupy every slot and
 *   starve the other projects' assets.
 * - retries 4: rendition calls are idempotent (same asset and size give the same file).
 * A 429 with Retry-After waits as the service asks; a 4xx stops the run (see classifyResponse).
 *
 * On failure (onProcessAssetFailure): emits studio/automation.failed, alerts the team and
 * publishes the "failed" outcome. Nothing to compensate: renditions are not published anywhere
 * until asset.processed is sent, which is the last step.
 *
 * Applies:
 * - docs/research/inngest/inngest-functions-resources.md#throttle-counts-runs-services-count-calls (RENDITION_RATE ÷ sizes)
 * - docs/research/inngest/inngest-functions-resources.md#concurrency (2 per projectId)
 * - docs/research/inngest/steps-and-workflows.md#parallel-steps (one step per size)
 * - docs/research/inngest/performing-api-requests-or-fetch.md#a-4xx-will-not-fix-itself (classifyResponse)
 * - docs/research/inngest/performing-api-requests-or-fetch.md#retry-after-is-a-number-or-a-date (429 handling)
 */
export const processAsset = inngest.createFunction(
  {
    id: functionIds.processAsset,
    name: "Assets: make renditions",
    triggers: [assetUploaded],
    throttle: { limit: renditionRunsPerPeriod, period: env.RENDITION_RATE.period },
    concurrency: [{ key: "event.data.projectId", limit: 2 }],
    retries: 4,
    onFailure: (ctx) => onProcessAssetFailure(ctx),
  },
  async ({ event, step, logger, rendition }) => {
    const asset = event.data;
    const progress = progressFor({ step, logger }, functionIds.processAsset, `asset:${asset.assetId}`);

    if (!asset.contentType.startsWith("image/")) {
      // Documents and video have no renditions here; not a failure, so no alert.
      await progress.update("render", "Renditions", "skipped", `${asset.contentType} is not an image`);
      await progress.result("completed", { assetId: asset.assetId, skipped: true });
      return { outcome: "skipped" as const, assetId: asset.assetId, reason: `${asset.contentType} is not an image` };
    }

    await progress.update("render", "Renditions", "started", renditionSizes.join(", "));
    // Parallel steps: the sizes do not depend on each other, so the run waits for the slowest one
    // instead of the sum of all three, and a retry repeats only the size that failed.
    const renditions = await Promise.all(
      renditionSizes.map((size) =>
        step.run(`render-${size}`, () => rendition.render({ assetId: asset.assetId, sourceUrl: asset.sourceUrl, size })),
      ),
    );
    await progress.update("render", "Renditions", "done", renditions.map((r) => `${r.size} ${r.width}px`).join(", "));

    await step.sendEvent(
      "emit-asset-processed",
      createWithDedupe(assetProcessed, { assetId: asset.assetId, projectId: asset.projectId, renditions }),
    );
    await progress.result("completed", { assetId: asset.assetId, renditions: renditions.length });
    return { outcome: "processed" as const, assetId: asset.assetId, renditions };
  },
);
