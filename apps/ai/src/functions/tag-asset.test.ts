import { assetProcessed, assetTaggedV2 } from "@studio/events";
import { assetProcessedFixtures } from "@studio/events/fixtures";
import { describe, expect, it } from "vitest";
import { inngest } from "../client.ts";
import { fixedModelPlan } from "../models/model-plan-source.ts";
import type { ModelPlan } from "../models/model-spec.ts";
import { OFFLINE_TAG } from "../offline/offline-asset-tags.ts";
import { recorded } from "../providers/fixtures/index.ts";
import { executeFunction } from "../testing/execute-function.ts";
import { openAiWithAnthropicFallback } from "../testing/test-plans.ts";
import { tagAssetFunction } from "./index.ts";
import { createTagAsset } from "./tag-asset.ts";

const processed = { name: assetProcessed.name, data: assetProcessedFixtures.valid[0] };
const fnWith = (plan: ModelPlan) => createTagAsset(inngest, { models: fixedModelPlan(plan), throttle: undefined, throttleKey: plan.primary.provider });
const inferBodies = (ctx: { step: unknown }) =>
  (ctx.step as { ai: { infer: { mock: { calls: [string, { body: { messages: Array<{ role: string; content: unknown }> } }][] } } } }).ai.infer.mock.calls;

describe("tag-asset", () => {
  it("sends the web rendition to a vision model and emits asset.tagged v2 with tidied, validated tags under encrypted", async () => {
    const { result, error, ctx, sent } = await executeFunction(fnWith(openAiWithAnthropicFallback), {
      events: [processed],
      steps: { tag: recorded.openai.assetTags.body },
    });
    expect(error).toBeUndefined();
    const expected = {
      assetId: "asset_01",
      projectId: "project_01",
      // The recorded answer has "Product" and "product": tags are lower-cased and de-duplicated.
      tags: ["product", "studio shot", "white background", "minimal"],
      altText: "A ceramic mug photographed on a plain white background in soft daylight.",
      model: { provider: "openai", name: "gpt-4o-mini-2024-07-18", offline: false },
    };
    const { tags, altText, ...facts } = expected;
    expect(sent).toEqual([{ name: assetTaggedV2.name, data: { ...facts, encrypted: { tags, altText } } }]);
    expect(assetTaggedV2.schema.safeParse(sent[0]?.data).success).toBe(true);
    expect(result).toMatchObject({ ...expected, usage: { inputTokens: 1210, outputTokens: 41 } });

    const [[id, { body }]] = inferBodies(ctx) as [[string, { body: { messages: Array<{ role: string; content: unknown }> } }]];
    expect(id).toBe("tag");
    expect(body.messages[1]!.content).toEqual([
      { type: "text", text: expect.stringContaining("asset_01") as string },
      { type: "image_url", image_url: { url: "https://cdn.example.com/asset_01/web.webp" } },
    ]);
  });

  it("repairs tags that break the contract (too long), then emits", async () => {
    const long = { ...recorded.openai.assetTags.body, choices: [{ ...recorded.openai.assetTags.body.choices[0]!, message: { role: "assistant", content: JSON.stringify({ tags: ["x".repeat(60)], altText: "A mug." }) } }] };
    const { error, sent, ctx } = await executeFunction(fnWith(openAiWithAnthropicFallback), {
      events: [processed],
      steps: { tag: long, "tag:repair": recorded.openai.assetTags.body },
    });
    expect(error).toBeUndefined();
    expect(sent).toHaveLength(1);
    const repairMessages = inferBodies(ctx)[1]![1].body.messages;
    expect(repairMessages.at(-1)!.content).toMatch(/tags\.0: /);
  });

  it("malformed twice: fails without emitting asset.tagged", async () => {
    const { error, sent } = await executeFunction(fnWith(openAiWithAnthropicFallback), {
      events: [processed],
      steps: { tag: recorded.openai.briefAnalysisNotJson.body, "tag:repair": recorded.openai.briefAnalysisNotJson.body },
    });
    expect(error).toMatchObject({ name: "MalformedAnswerError" });
    expect(sent).toEqual([]);
  });

  it("offline: emits placeholder tags and alt text that say so", async () => {
    const { error, sent } = await executeFunction(tagAssetFunction, { events: [processed] });
    expect(error).toBeUndefined();
    const data = assetTaggedV2.schema.parse(sent[0]?.data);
    expect(data.encrypted.tags[0]).toBe(OFFLINE_TAG);
    expect(data.encrypted.altText).toMatch(/^Offline placeholder, not an AI description/);
    expect(data.model).toEqual({ provider: "offline", name: "offline-heuristic", offline: true });
  });

  it("without vision the model gets only the file name and is told it cannot see the image", async () => {
    const plan: ModelPlan = { ...openAiWithAnthropicFallback, primary: { ...openAiWithAnthropicFallback.primary, provider: "openai-compatible", vision: false } };
    const { ctx } = await executeFunction(fnWith(plan), { events: [processed], steps: { tag: recorded.openai.assetTags.body } });
    const content = inferBodies(ctx)[0]![1].body.messages[1]!.content;
    expect(content).toEqual(expect.stringContaining('You cannot see this image; you only have its file name: "web.webp"'));
  });

  it("rejects an invalid asset.processed without retrying", async () => {
    const { error } = await executeFunction(tagAssetFunction, { events: [{ name: assetProcessed.name, data: assetProcessedFixtures.invalid.emptyList.data as Record<string, unknown> }] });
    expect(error).toMatchObject({ name: "EventValidationError" });
  });
});
