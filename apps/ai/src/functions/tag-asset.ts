import { assetProcessed, assetTaggedV2 } from "@studio/events";
import { z } from "zod";
import { reportFailure } from "../failures/report-failure.ts";
import { askStructured } from "../inference/ask-structured.ts";
import { offlineAssetTags } from "../offline/offline-asset-tags.ts";
import { tagAssetPrompt } from "../prompts/tag-asset-prompt.ts";
import type { AiClient } from "./ai-client.ts";
import type { ModelFunctionDeps } from "./model-function-deps.ts";
import { throttleFor } from "./throttle-for.ts";

/**
 * What the model must answer: the tags and alt text of the contract's asset.tagged event (v2's
 * encrypted part), after
 * tidying the tags (trimmed, lower case, no repeats), which models get wrong in harmless ways.
 */
export const assetTagsAnswerSchema = z.preprocess(
  (value) => {
    if (!value || typeof value !== "object" || !Array.isArray((value as { tags?: unknown }).tags)) return value;
    const raw = (value as { tags: unknown[] }).tags;
    const tags = [...new Set(raw.map((t) => (typeof t === "string" ? t.trim().toLowerCase() : t)).filter((t) => t !== ""))];
    return { ...value, tags };
  },
  assetTaggedV2.schema.shape.encrypted,
);

/**
 * `tag-asset`: tags and alt text for a processed asset, validated, emitted as `studio/asset.tagged`
 * (v2: the tags and alt text under data.encrypted, since they are the model's answer about a
 * client's asset).
 *
 * Applies:
 * - docs/research/inngest/ai-inference.md#a-malformed-answer-is-not-a-transient-error (one repair turn)
 * - docs/research/inngest/events-and-triggers.md#a-bad-payload-fails-the-run-for-good (an invalid asset.processed)
 * - docs/research/inngest/inngest-functions-resources.md#throttle (AI_THROTTLE per provider)
 */
export function createTagAsset(client: AiClient, deps: ModelFunctionDeps) {
  return client.createFunction(
    {
      id: "tag-asset",
      name: "AI: tag asset",
      description: "Tags and alt text for a processed asset; emits studio/asset.tagged.",
      triggers: [assetProcessed],
      retries: 2,
      ...throttleFor(deps.throttle, deps.throttleKey),
      onFailure: reportFailure,
    },
    async ({ event, step, logger }) => {
      const { assetId, projectId } = event.data;
      const plan = await deps.models();
      const answer = await askStructured(
        { step, logger },
        {
          task: "tag",
          plan,
          request: tagAssetPrompt(event.data, plan.primary.vision),
          schema: assetTagsAnswerSchema,
          offlineAnswer: () => JSON.stringify(offlineAssetTags(event.data)),
        },
      );
      const tagged = { assetId, projectId, tags: answer.value.tags, altText: answer.value.altText, model: answer.model };
      await step.sendEvent("emit-asset-tagged", assetTaggedV2.create({ assetId, projectId, model: answer.model, encrypted: { tags: tagged.tags, altText: tagged.altText } }));
      logger.info({ assetId, tags: tagged.tags.length, attempts: answer.attempts, ...answer.model, ...answer.usage }, "asset tagged");
      return { ...tagged, usage: answer.usage };
    },
  );
}
