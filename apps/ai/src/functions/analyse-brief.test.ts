import { analyseBrief, analyseBriefDataSchema, analyseBriefReturnSchema, appIds } from "@studio/events";
import { createStudioClient } from "@studio/middleware";
import { collectLogLines, testEnv } from "@studio/middleware/testing";
import { analyseBriefFixtures } from "@studio/events/fixtures";
import { describe, expect, it } from "vitest";
import { inngest } from "../client.ts";
import { fixedModelPlan } from "../models/model-plan-source.ts";
import type { ModelPlan } from "../models/model-spec.ts";
import { recorded } from "../providers/fixtures/index.ts";
import { executeFunction } from "../testing/execute-function.ts";
import { openAiWithAnthropicFallback } from "../testing/test-plans.ts";
import { createAnalyseBrief } from "./analyse-brief.ts";
import { analyseBriefFunction } from "./index.ts";

const brief = analyseBriefFixtures.data.valid[0];
const invoked = (data: unknown) => ({ name: "inngest/function.invoked", data: data as Record<string, unknown> });
const fnWith = (plan: ModelPlan) =>
  createAnalyseBrief(inngest, { models: fixedModelPlan(plan), throttle: { limit: 20, period: "1m" }, throttleKey: plan.primary.provider });
const run = (plan: ModelPlan, options: Omit<Parameters<typeof executeFunction>[1], "events"> = {}) =>
  executeFunction(fnWith(plan), { events: [invoked(brief)], ...options });

/** The `body` argument of each step.ai.infer call, by step id. */
function inferCalls(ctx: { step: unknown }) {
  const infer = (ctx.step as { ai: { infer: { mock: { calls: [string, { model: { url?: string }; body: Record<string, unknown> }][] } } } }).ai.infer;
  return infer.mock.calls.map(([id, opts]) => ({ id, url: opts.model.url, body: opts.body }));
}

describe("analyse-brief: structured parse", () => {
  it("a good answer becomes the contract's result, with the model and token usage", async () => {
    const { result, error, ctx } = await run(openAiWithAnthropicFallback, { steps: { analyse: recorded.openai.briefAnalysis.body } });
    expect(error).toBeUndefined();
    const out = analyseBriefReturnSchema.parse(result);
    expect(out).toMatchObject({
      briefId: brief.briefId,
      revision: brief.revision,
      model: { provider: "openai", name: "gpt-4o-mini-2024-07-18", offline: false },
      usage: { inputTokens: 412, outputTokens: 96 },
    });
    expect(out.analysis.deliverables).toEqual(["3 key visuals in the new brand palette", "1 looping social animation (about 15 s)"]);
    expect(out.usage.latencyMs).toBeGreaterThanOrEqual(0);

    const calls = inferCalls(ctx);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: "analyse", url: "https://api.openai.com/v1/chat/completions" });
    const messages = calls[0]!.body["messages"] as Array<{ role: string; content: string }>;
    expect(messages[1]!.content).toContain(brief.encrypted.description);
  });

  it("a malformed answer is repaired once: the model sees its answer and the problems", async () => {
    const { result, error, ctx } = await run(openAiWithAnthropicFallback, {
      steps: { analyse: recorded.openai.briefAnalysisMalformed.body, "analyse:repair": recorded.openai.briefAnalysis.body },
    });
    expect(error).toBeUndefined();
    const out = analyseBriefReturnSchema.parse(result);
    // Both calls cost tokens.
    expect(out.usage).toMatchObject({ inputTokens: 412 * 2, outputTokens: 88 + 96 });

    const calls = inferCalls(ctx);
    expect(calls.map((c) => c.id)).toEqual(["analyse", "analyse:repair"]);
    const repair = calls[1]!.body["messages"] as Array<{ role: string; content: string }>;
    expect(repair.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(repair[2]!.content).toContain('"confidence": "certain"');
    expect(repair[3]!.content).toMatch(/deliverables: /);
    expect(repair[3]!.content).toMatch(/estimate\.confidence: /);
    expect(repair[3]!.content).toMatch(/risks: /);
  });

  it("malformed twice fails the run for good, listing what is still wrong", async () => {
    const { result, error } = await run(openAiWithAnthropicFallback, {
      steps: { analyse: recorded.openai.briefAnalysisMalformed.body, "analyse:repair": recorded.openai.briefAnalysisNotJson.body },
    });
    expect(result).toBeUndefined();
    expect(error).toMatchObject({
      name: "MalformedAnswerError",
      message: "analyse: the model's answer was malformed twice (after a repair prompt): the answer contains no JSON object",
    });
  });
});

describe("analyse-brief: usage", () => {
  it("logs one line per model call with tokens and latency, and a summary line for the brief", async () => {
    const logs = collectLogLines();
    const client = createStudioClient({ id: appIds.ai, env: testEnv(), logDestination: logs.destination });
    const fn = createAnalyseBrief(client, { models: fixedModelPlan(openAiWithAnthropicFallback), throttle: undefined, throttleKey: "openai" });
    const { result } = await executeFunction(fn, {
      events: [invoked(brief)],
      steps: { analyse: recorded.openai.briefAnalysisMalformed.body, "analyse:repair": recorded.openai.briefAnalysis.body },
    });
    const out = analyseBriefReturnSchema.parse(result);
    const lines = logs.lines();
    const calls = lines.filter((l) => l["msg"] === "model answered");
    expect(calls.map((l) => [l["step"], l["provider"], l["inputTokens"], l["outputTokens"]])).toEqual([
      ["analyse", "openai", 412, 88],
      ["analyse:repair", "openai", 412, 96],
    ]);
    expect(calls.every((l) => typeof l["latencyMs"] === "number")).toBe(true);
    expect(lines.find((l) => l["msg"] === "brief analysed")).toMatchObject({ briefId: brief.briefId, attempts: 2, ...out.usage });
    // The brief is client-written personal data: it never reaches the logs.
    expect(logs.text()).not.toContain(brief.encrypted.description);
  });
});

describe("analyse-brief: fallback", () => {
  it("when the primary fails for good, the fallback model answers (Anthropic format)", async () => {
    const { result, error, ctx } = await run(openAiWithAnthropicFallback, {
      failSteps: { analyse: "Error making AI request: unsuccessful status code: 500" },
      steps: { "analyse:fallback": recorded.anthropic.briefAnalysis.body },
    });
    expect(error).toBeUndefined();
    const out = analyseBriefReturnSchema.parse(result);
    expect(out.model).toEqual({ provider: "anthropic", name: "claude-haiku-4-5-20251001", offline: false });
    expect(out.usage).toMatchObject({ inputTokens: 455, outputTokens: 121 });
    const calls = inferCalls(ctx);
    expect(calls.map((c) => [c.id, c.url])).toEqual([
      ["analyse", "https://api.openai.com/v1/chat/completions"],
      ["analyse:fallback", "https://api.anthropic.com/v1/messages"],
    ]);
    expect(calls[1]!.body).toMatchObject({ model: "claude-haiku-4-5", max_tokens: 1024, system: expect.stringContaining("JSON") as string });
  });

  it("a repair after a fallback goes to the fallback model, not back to the failing primary", async () => {
    const notJson = { ...recorded.anthropic.briefAnalysis.body, content: [{ type: "text", text: "Roughly a week of work." }] };
    const { result, error, ctx } = await run(openAiWithAnthropicFallback, {
      failSteps: { analyse: "unsuccessful status code: 500" },
      steps: { "analyse:fallback": notJson, "analyse:repair": recorded.anthropic.briefAnalysis.body },
    });
    expect(error).toBeUndefined();
    expect(analyseBriefReturnSchema.parse(result).model.provider).toBe("anthropic");
    expect(inferCalls(ctx).map((c) => [c.id, c.url])).toEqual([
      ["analyse", "https://api.openai.com/v1/chat/completions"],
      ["analyse:fallback", "https://api.anthropic.com/v1/messages"],
      ["analyse:repair", "https://api.anthropic.com/v1/messages"],
    ]);
  });

  it("a 2xx that is not a chat answer counts as a provider failure, so the fallback answers", async () => {
    const { result, error } = await run(openAiWithAnthropicFallback, {
      steps: { analyse: { message: "<html>proxy login</html>" }, "analyse:fallback": recorded.anthropic.briefAnalysis.body },
    });
    expect(error).toBeUndefined();
    expect(analyseBriefReturnSchema.parse(result).model.provider).toBe("anthropic");
  });

  it("with no fallback configured, a provider failure fails the run naming the model", async () => {
    const { error } = await run({ ...openAiWithAnthropicFallback, fallback: undefined }, { failSteps: { analyse: "unsuccessful status code: 500" } });
    expect(error).toMatchObject({
      name: "NonRetriableError",
      message: 'No model could answer step "analyse": openai gpt-4o-mini: unsuccessful status code: 500',
    });
  });

  it("the offline model can be the fallback, and its result says it is offline", async () => {
    const plan: ModelPlan = { ...openAiWithAnthropicFallback, fallback: { ...openAiWithAnthropicFallback.primary, provider: "offline", name: "offline-heuristic" } };
    const { result, error } = await run(plan, { failSteps: { analyse: "unsuccessful status code: 503" } });
    expect(error).toBeUndefined();
    expect(analyseBriefReturnSchema.parse(result).model).toEqual({ provider: "offline", name: "offline-heuristic", offline: true });
  });
});

describe("analyse-brief: the invoke contract", () => {
  it("is the function the contract's referenceFunction names", () => {
    expect(analyseBrief.opts).toMatchObject({ appId: inngest.id, functionId: "analyse-brief" });
    expect(analyseBriefFunction.id(inngest.id)).toBe(`${inngest.id}-analyse-brief`);
  });

  it("is invoke-only, with the contract's data schema as its trigger", () => {
    expect(analyseBriefFunction.opts.triggers).toHaveLength(1);
    const [trigger] = analyseBriefFunction.opts.triggers as unknown as [{ name: string; schema: unknown }];
    expect(trigger.name).toBe("inngest/function.invoked");
    expect(trigger.schema).toBe(analyseBriefDataSchema);
  });

  it.each(Object.entries(analyseBriefFixtures.data.invalid))("rejects invalid data without retrying (%s)", async (_name, fixture) => {
    const { error } = await executeFunction(analyseBriefFunction, { events: [invoked(fixture.data)] });
    expect(error).toMatchObject({ name: "EventValidationError" });
  });

  it("returns a value satisfying analyseBriefReturnSchema for every valid fixture, offline and with a model", async () => {
    for (const data of analyseBriefFixtures.data.valid) {
      const offline = await executeFunction(analyseBriefFunction, { events: [invoked(data)] });
      expect(analyseBriefReturnSchema.safeParse(offline.result).success).toBe(true);
      const withModel = await executeFunction(fnWith(openAiWithAnthropicFallback), {
        events: [invoked(data)],
        steps: { analyse: recorded.openai.briefAnalysis.body },
      });
      expect(analyseBriefReturnSchema.safeParse(withModel.result).success).toBe(true);
    }
  });
});
