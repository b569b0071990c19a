import type { ModelPlan, ModelSpec } from "../models/model-spec.ts";

export const openAiSpec: ModelSpec = {
  provider: "openai",
  name: "gpt-4o-mini",
  baseUrl: undefined,
  apiKey: "sk-test-openai",
  maxTokens: 1024,
  vision: true,
};

export const anthropicSpec: ModelSpec = {
  provider: "anthropic",
  name: "claude-haiku-4-5",
  baseUrl: undefined,
  apiKey: "sk-ant-test",
  maxTokens: 1024,
  vision: true,
};

/** OpenAI first, Anthropic as fallback, Inngest making the calls: the plan most unit tests use. */
export const openAiWithAnthropicFallback: ModelPlan = {
  primary: openAiSpec,
  fallback: anthropicSpec,
  transport: "infer",
  reason: "test",
};
