import { analyseBriefReturnSchema } from "@studio/events";
import { analyseBriefFixtures } from "@studio/events/fixtures";
import { describe, expect, it } from "vitest";
import { inngest } from "../client.ts";
import { fixedModelPlan } from "../models/model-plan-source.ts";
import type { ModelPlan } from "../models/model-spec.ts";
import { recorded } from "../providers/fixtures/index.ts";
import { executeFunction } from "../testing/execute-function.ts";
import { useModelTestServer } from "../testing/model-test-server.ts";
import { createAnalyseBrief } from "./analyse-brief.ts";

// The `wrap` transport end to end inside the function: the app's own HTTP client, run by
// step.ai.wrap, against the local provider stand-in (real HTTP, nothing mocked but Inngest).
const server = useModelTestServer();

const plan = (): ModelPlan => ({
  primary: { provider: "openai-compatible", name: "primary-model", baseUrl: server.baseUrl, apiKey: undefined, maxTokens: 512, vision: false },
  fallback: { provider: "anthropic", name: "claude-fallback", baseUrl: server.baseUrl, apiKey: "sk-ant-test", maxTokens: 512, vision: false },
  transport: "wrap",
  reason: "test",
});
const run = (options: Omit<Parameters<typeof executeFunction>[1], "events"> = {}) =>
  executeFunction(createAnalyseBrief(inngest, { models: fixedModelPlan(plan()), throttle: undefined, throttleKey: "openai-compatible" }), {
    events: [{ name: "inngest/function.invoked", data: analyseBriefFixtures.data.valid[0] }],
    ...options,
  });

describe("analyse-brief over the wrap transport", () => {
  it("calls the provider from the app and returns its analysis with measured latency", async () => {
    const { result, error } = await run();
    expect(error).toBeUndefined();
    const out = analyseBriefReturnSchema.parse(result);
    expect(out.model).toEqual({ provider: "openai-compatible", name: "gpt-4o-mini-2024-07-18", offline: false });
    expect(out.usage.latencyMs).toBeGreaterThan(0);
    const [call] = server.chatRequests();
    expect(call).toMatchObject({ path: "/v1/chat/completions", model: "primary-model", task: "brief" });
    expect(call?.headers["user-agent"]).toBe("node");
  });

  it("a 500 fails the step so Inngest retries it (the engine stops at the first failure)", async () => {
    server.script("primary-model", [recorded.openai.serverError]);
    const { error } = await run();
    expect(error).toMatchObject({ name: "ProviderUnavailableError", message: expect.stringMatching(/answered 500/) as string });
  });

  it("a 429 with Retry-After fails the step with RetryAfterError, so the retry waits as asked", async () => {
    server.script("primary-model", [recorded.openai.rateLimited]);
    const { error } = await run();
    expect(error).toMatchObject({ name: "RetryAfterError", message: expect.stringMatching(/answered 429: Rate limit reached/) as string });
  });

  it("once the primary has failed for good, the Anthropic fallback is called over HTTP and answers", async () => {
    // The engine does not model retries: mark the primary's step as failed after its last retry.
    const { result, error } = await run({ failSteps: { analyse: "answered 500: The server had an error" } });
    expect(error).toBeUndefined();
    expect(analyseBriefReturnSchema.parse(result).model).toEqual({ provider: "anthropic", name: "claude-haiku-4-5-20251001", offline: false });
    expect(server.chatRequests().map((r) => [r.path, r.model, r.headers["x-api-key"]])).toEqual([["/v1/messages", "claude-fallback", "sk-ant-test"]]);
  });
});
