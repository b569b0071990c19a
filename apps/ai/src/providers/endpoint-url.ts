import type { ModelSpec } from "../models/model-spec.ts";
import { wireFormat } from "./request-body.ts";

const DEFAULT_BASE_URLS = { openai: "https://api.openai.com/v1/", anthropic: "https://api.anthropic.com/v1/" } as const;

/** The base URL a spec talks to (with a trailing slash, so relative paths append). */
export function baseUrlOf(spec: Pick<ModelSpec, "provider" | "baseUrl">): string {
  const base = spec.baseUrl ?? (spec.provider === "anthropic" ? DEFAULT_BASE_URLS.anthropic : DEFAULT_BASE_URLS.openai);
  return base.endsWith("/") ? base : `${base}/`;
}

/** The full URL of the chat endpoint: .../chat/completions or .../messages (the same URLs step.ai.infer uses). */
export function endpointUrl(spec: Pick<ModelSpec, "provider" | "baseUrl">): string {
  return new URL(wireFormat(spec) === "anthropic" ? "messages" : "chat/completions", baseUrlOf(spec)).href;
}
