import { randomUUID } from "node:crypto";
import { analyseBriefReturnSchema, assetTagged, briefAnalysed, briefAnalysedV2 } from "@studio/events";
import { DEV_ONLY_ENCRYPTION_KEY, decryptAll } from "@studio/middleware";
import { startStack, type Stack } from "@studio/dev-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recorded } from "./providers/fixtures/index.ts";
import { endedRun } from "./testing/e2e-runs.ts";
import { startModelTestServer, type ModelTestServer, type ReceivedRequest } from "./testing/model-test-server.ts";

// The AI app as a real process behind a real Dev Server. Its primary model is an OpenAI-compatible
// server on 127.0.0.1 (the local test server replaying recorded responses) and its fallback is
// Anthropic-format on the same server: every step.ai.infer call is made by the Dev Server itself.
let models: ModelTestServer;
let stack: Stack;

beforeAll(async () => {
  models = await startModelTestServer();
  stack = await startStack({
    apps: ["ai"],
    env: {
      ai: {
        AI_PROVIDER: "openai-compatible",
        AI_BASE_URL: models.baseUrl,
        AI_MODEL: "studio-primary",
        AI_FALLBACK_PROVIDER: "anthropic",
        AI_FALLBACK_BASE_URL: models.baseUrl,
        AI_FALLBACK_MODEL: "claude-fallback",
        AI_FALLBACK_API_KEY: "sk-ant-e2e",
        AI_TRANSPORT: "infer",
        REANALYSE_DEBOUNCE: "2s",
      },
    },
  });
});

afterAll(async () => {
  await stack?.stop();
  await models?.stop();
});

const mentions = (marker: string) => (req: ReceivedRequest) => JSON.stringify(req.body).includes(marker);
const primaryWith = (marker: string) => (req: ReceivedRequest) => req.model === "studio-primary" && mentions(marker)(req);

const updated = (briefId: string, revision: number, description: string) => ({
  name: "studio/brief.updated",
  data: { briefId, revision, encrypted: { title: "Spring campaign", description } },
});

describe("the AI app against the real Dev Server", () => {
  it("debounces a burst of brief.updated into one model call, made by the Dev Server, and emits ai/brief.analysed", async () => {
    const briefId = `e2e-burst-${randomUUID()}`;
    // Three edits a few hundred ms apart (well inside the 2s debounce period), one request each so
    // their order is the order Inngest receives them in.
    const ids: string[] = [];
    for (const rev of [1, 2, 3]) {
      ids.push(...(await stack.api.send(updated(briefId, rev, `Edit ${rev} of ${briefId}: three key visuals.`))));
      await new Promise((r) => setTimeout(r, 300));
    }
    const run = await endedRun(stack, ids[2]!);
    expect(run.status).toBe("COMPLETED");

    const result = analyseBriefReturnSchema.parse(run.result);
    expect(result).toMatchObject({ briefId, revision: 3, model: { provider: "openai-compatible", offline: false } });
    expect(result.usage).toMatchObject({ inputTokens: 412, outputTokens: 96 });

    const calls = models.chatRequests().filter(mentions(briefId));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ path: "/v1/chat/completions", model: "studio-primary", task: "brief" });
    // The Dev Server executing step.ai.infer (user agent "Inngest"), not this app's fetch ("node").
    expect(calls[0]!.headers["user-agent"]).toBe("Inngest");
    expect(JSON.stringify(calls[0]!.body)).toContain(`Edit 3 of ${briefId}`);
    expect(await stack.api.runsForEvent(ids[0]!)).toEqual([]);

    const analysed = await stack.api.waitForEvents(briefAnalysed.name, (e) => e.data["briefId"] === briefId);
    expect(analysed).toHaveLength(1);
    // v2: the analysis is under data.encrypted, stored as ciphertext (the app runs on the dev-only key here).
    expect(analysed[0]!.data["encrypted"]).toMatchObject({ __ENCRYPTED__: true });
    const { analysis, ...facts } = result;
    expect(briefAnalysedV2.schema.parse(await decryptAll(analysed[0]!.data, [DEV_ONLY_ENCRYPTION_KEY]))).toEqual({ ...facts, encrypted: { analysis } });
  });

  it("falls back to the Anthropic-format model after the primary answers 500 through every retry", async () => {
    const briefId = `e2e-500-${randomUUID()}`;
    models.script(primaryWith(briefId), [recorded.openai.serverError]);
    const [id] = await stack.api.send(updated(briefId, 1, `Brief ${briefId}: a poster.`));
    const { status, result } = await endedRun(stack, id!);
    expect(status).toBe("COMPLETED");
    expect(analyseBriefReturnSchema.parse(result).model).toEqual({ provider: "anthropic", name: "claude-haiku-4-5-20251001", offline: false });

    const calls = models.chatRequests().filter(mentions(briefId));
    const primary = calls.filter((c) => c.model === "studio-primary");
    const fallback = calls.filter((c) => c.model === "claude-fallback");
    expect(primary.length).toBe(3); // first attempt + analyse-brief's 2 retries
    expect(fallback).toHaveLength(1);
    expect(fallback[0]).toMatchObject({ path: "/v1/messages" });
    expect(fallback[0]!.headers).toMatchObject({ "x-api-key": "sk-ant-e2e", "anthropic-version": "2023-06-01" });
  });

  it("recovers from a 429 with Retry-After by retrying the primary", async () => {
    const briefId = `e2e-429-${randomUUID()}`;
    models.script(primaryWith(briefId), [recorded.openai.rateLimited, recorded.openai.briefAnalysis]);
    const [id] = await stack.api.send(updated(briefId, 1, `Brief ${briefId}: a banner.`));
    const { status, result } = await endedRun(stack, id!);
    expect(status).toBe("COMPLETED");
    expect(analyseBriefReturnSchema.parse(result).model.provider).toBe("openai-compatible");
    expect(models.chatRequests().filter(mentions(briefId)).map((c) => c.model)).toEqual(["studio-primary", "studio-primary"]);
  });

  it("tags a processed asset and emits studio/asset.tagged", async () => {
    const assetId = `e2e-asset-${randomUUID()}`;
    const [id] = await stack.api.send({
      name: "studio/asset.processed",
      data: { assetId, projectId: "project_e2e", renditions: [{ size: "web", url: `https://cdn.example.com/${assetId}/mug.webp`, width: 1600 }] },
    });
    const { status } = await endedRun(stack, id!);
    expect(status).toBe("COMPLETED");
    const calls = models.chatRequests().filter(mentions(assetId));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ task: "tags", model: "studio-primary" });

    const tagged = await stack.api.waitForEvents(assetTagged.name, (e) => e.data["assetId"] === assetId);
    expect(tagged).toHaveLength(1);
    expect(assetTagged.schema.parse(tagged[0]!.data)).toMatchObject({
      projectId: "project_e2e",
      tags: ["product", "studio shot", "white background", "minimal"],
      model: { provider: "openai-compatible", offline: false },
    });
  });
});
