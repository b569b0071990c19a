import { anthropic, openai } from "inngest";
import type { ModelSpec } from "../models/model-spec.ts";
import { baseUrlOf } from "./endpoint-url.ts";

/**
 * The step.ai.infer model for a spec. The key always comes from the spec: with an empty key the
 * SDK would read OPENAI_API_KEY from the environment and send it to whatever server the base URL
 * names, so a keyless local server gets a placeholder instead.
 */
export function inferModel(spec: ModelSpec) {
  const apiKey = spec.apiKey ?? "no-key";
  if (spec.provider === "anthropic") {
    return anthropic({ model: spec.name, apiKey, baseUrl: baseUrlOf(spec), defaultParameters: { max_tokens: spec.maxTokens } });
  }
  return openai({ model: spec.name, apiKey, baseUrl: baseUrlOf(spec) });
}
