import { randomUUID } from "node:crypto";
import { analyseBriefReturnSchema, assetTaggedV2, briefAnalysed, briefAnalysedV2 } from "@studio/events";
import { DEV_ONLY_ENCRYPTION_KEY, decryptAll } from "@studio/middleware";
import { eventually, startStack, type Stack } from "@studio/dev-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recorded } from "./providers/fixtures/index.ts";
import { endedRun } from "./testing/e2e-runs.ts";
import { startModelTestServer, type ModelTestServer, type ReceivedRequest } from "./testing/model-test-server.ts";
import { startRequestSink, type RequestSink } from "./testing/request-sink.ts";

// The AI app as a real process behind a real Dev Server. Its primary model is an OpenAI-compatible
// server on 127.0.0.1 (the local test server replaying recorded responses) and its fallback is
// Anthropic-format on the same server: every step.ai.infer call is made by the Dev Server itself.
let models: ModelTestServer;
let team: RequestSink;
let stack: Stack;
// Model-calling runs per period (AI_THROTTLE), shortened so the throttle shows within seconds.
const THROTTLE = { limit: 2, periodMs: 3000 };

beforeAll(async () => {
  models = await startModelTestServer();
  team = await startRequestSink();
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
        AI_THROTTLE: `${THROTTLE.limit}/${THROTTLE.periodMs / 1000}s`,
        WEBHOOK_URL: `${team.url}/webhook`,
      },
    },
  });
});

afterAll(async () => {
  await stack?.stop();
  await team?.stop();
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
    console.info(
      `[figures] ai debounce 2s per briefId: 3 brief.updated 300 ms apart → ${calls.length} model call and 1 run (revision ${result.revision}, the last edit's text); the earlier events started ${(await stack.api.runsForEvent(ids[0]!)).length + (await stack.api.runsForEvent(ids[1]!)).length} runs`,
    );
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

  it("tags a processed asset and emits studio/asset.tagged v2, its tags and alt text stored encrypted", async () => {
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

    const tagged = await stack.api.waitForEvents(assetTaggedV2.name, (e) => e.data["assetId"] === assetId);
    expect(tagged).toHaveLength(1);
    // What Inngest stored: the model's answer only as ciphertext.
    expect(tagged[0]!.data["encrypted"]).toMatchObject({ __ENCRYPTED__: true });
    expect(JSON.stringify(tagged[0]!.data)).not.toContain("studio shot");
    expect(assetTaggedV2.schema.parse(await decryptAll(tagged[0]!.data, [DEV_ONLY_ENCRYPTION_KEY]))).toMatchObject({
      projectId: "project_e2e",
      encrypted: { tags: ["product", "studio shot", "white background", "minimal"] },
      model: { provider: "openai-compatible", offline: false },
    });
  });

  it(`throttles model-calling runs to AI_THROTTLE (${THROTTLE.limit} per ${THROTTLE.periodMs / 1000}s): the first at once, the rest spaced out, none dropped`, async () => {
    const assets = Array.from({ length: 5 }, () => `e2e-throttle-${randomUUID()}`);
    const ids = await stack.api.send(
      assets.map((assetId) => ({
        name: "studio/asset.processed",
        data: { assetId, projectId: "project_e2e", renditions: [{ size: "web", url: `https://cdn.example.com/${assetId}/a.webp`, width: 1600 }] },
      })),
    );
    for (const id of ids) expect((await endedRun(stack, id)).status).toBe("COMPLETED");
    // When each run called the model (the Dev Server's request to the model stand-in).
    const calls = assets.map((a) => models.chatRequests().find(mentions(a))).map((r) => r!.at);
    const sorted = [...calls].sort((a, b) => a - b);
    const interval = THROTTLE.periodMs / THROTTLE.limit;
    for (let k = THROTTLE.limit; k < sorted.length; k++) {
      expect(sorted[k]! - sorted[0]!).toBeGreaterThanOrEqual((k - THROTTLE.limit + 1) * interval - 250);
    }
    console.info(`[figures] ai throttle ${THROTTLE.limit}/${THROTTLE.periodMs / 1000}s: 5 tag-asset runs sent at once called the model at +${sorted.map((t) => t - sorted[0]!).join(", +")} ms, all completed`);
  });

  it("failure handlers: a brief no model can analyse fails analyse-brief and reanalyse-brief, each reports and alerts, naming the brief and nothing personal", async () => {
    const briefId = `e2e-fail-${randomUUID()}`;
    const refused = { status: 400, headers: { "content-type": "application/json" }, body: { error: { message: "content policy: the brief names ada@example.com" } } };
    models.script(mentions(briefId), [refused]);
    const [id] = await stack.api.send(updated(briefId, 1, `Brief ${briefId}: a poster.`));
    const reanalyse = await endedRun(stack, id!);
    expect(reanalyse.status).toBe("FAILED");
    // One alert per failed run: analyse-brief's (invoked) and reanalyse-brief's own.
    const alerts = await eventually("both alerts", () => Promise.resolve(alertsFor(briefId).length >= 2 && alertsFor(briefId)));
    expect(alerts.map((t) => t.split(" failed for ")[0]).sort()).toEqual([":warning: analyse-brief", ":warning: reanalyse-brief"]);
    for (const text of alerts) {
      expect(text).toContain(`failed for brief ${briefId}`);
      expect(text).not.toContain("ada@example.com");
    }
    const runIds = alerts.map((t) => /\(run (\w+)\)/.exec(t)?.[1]);
    expect(runIds).toContain(reanalyse.runId);
    const reports = await stack.api.waitForEvents("studio/automation.failed", (e) => runIds.includes(String(e.data["runId"])), { count: 2 });
    expect(reports.map((e) => e.data["functionId"]).sort()).toEqual(["analyse-brief", "reanalyse-brief"]);
    for (const report of reports) {
      expect(report.data).toMatchObject({ app: "studio-ai", compensated: false });
      expect(JSON.stringify(report.data)).not.toContain("ada@example.com");
    }
    // (With step.ai.infer the engine reports only the provider's status, not its answer, so the
    // address never reaches the handler here; the redaction itself is unit-tested in report-failure.test.ts.)
    expect(await stack.api.waitForEvents(briefAnalysed.name, (e) => e.data["briefId"] === briefId, { timeoutMs: 1000 }).catch(() => [])).toEqual([]);
  });

  it("failure handler: tag-asset reports and alerts when no model can tag the asset", async () => {
    const assetId = `e2e-fail-asset-${randomUUID()}`;
    models.script(mentions(assetId), [{ status: 400, headers: { "content-type": "application/json" }, body: { error: { message: "image refused" } } }]);
    const [id] = await stack.api.send({
      name: "studio/asset.processed",
      data: { assetId, projectId: "project_e2e", renditions: [{ size: "web", url: `https://cdn.example.com/${assetId}/a.webp`, width: 1600 }] },
    });
    const run = await endedRun(stack, id!);
    expect(run.status).toBe("FAILED");
    const [report] = await stack.api.waitForEvents("studio/automation.failed", (e) => e.data["runId"] === run.runId);
    expect(report!.data).toMatchObject({ app: "studio-ai", functionId: "tag-asset", trigger: { name: "studio/asset.processed" }, compensated: false });
    await eventually("the alert", () => Promise.resolve(alertsFor(assetId).find((t) => t.startsWith(`:warning: tag-asset failed for asset ${assetId}`))));
  });
});

/** The team channel's messages that name `subject`. */
function alertsFor(subject: string): string[] {
  return team.received.filter((r) => r.path === "/webhook").map((r) => (r.body as { text: string }).text).filter((t) => t.includes(subject));
}
