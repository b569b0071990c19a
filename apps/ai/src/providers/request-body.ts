import type { ModelSpec } from "../models/model-spec.ts";
import type { ChatMessage, ChatRequest } from "./chat-request.ts";

/** The two wire formats the app speaks: OpenAI chat completions (OpenAI and compatible servers) and Anthropic messages. */
export type WireFormat = "openai-chat" | "anthropic";

export function wireFormat(spec: Pick<ModelSpec, "provider">): WireFormat {
  return spec.provider === "anthropic" ? "anthropic" : "openai-chat";
}

/** The provider's native JSON request body for a chat request. */
export function requestBody(spec: ModelSpec, request: ChatRequest): Record<string, unknown> {
  return wireFormat(spec) === "anthropic" ? anthropicBody(spec, request) : openAiChatBody(spec, request);
}

function openAiChatBody(spec: ModelSpec, request: ChatRequest): Record<string, unknown> {
  const messages = [
    { role: "system", content: request.system },
    ...request.messages.map((m) => ({ role: m.role, content: openAiContent(m, spec.vision) })),
  ];
  if (spec.provider === "openai") {
    // OpenAI's JSON mode guarantees parseable JSON; newer models only take max_completion_tokens.
    return { model: spec.name, messages, max_completion_tokens: spec.maxTokens, response_format: { type: "json_object" } };
  }
  // Compatible servers differ in which extras they accept; keep to the fields they all read.
  return { model: spec.name, messages, max_tokens: spec.maxTokens, stream: false };
}

function openAiContent(message: ChatMessage, vision: boolean) {
  if (!message.imageUrl || !vision || message.role !== "user") return message.text;
  return [
    { type: "text", text: message.text },
    { type: "image_url", image_url: { url: message.imageUrl } },
  ];
}

function anthropicBody(spec: ModelSpec, request: ChatRequest): Record<string, unknown> {
  return {
    model: spec.name,
    max_tokens: spec.maxTokens,
    system: request.system,
    messages: request.messages.map((m) => ({ role: m.role, content: anthropicContent(m, spec.vision) })),
  };
}

function anthropicContent(message: ChatMessage, vision: boolean) {
  if (!message.imageUrl || !vision || message.role !== "user") return message.text;
  return [
    { type: "image", source: { type: "url", url: message.imageUrl } },
    { type: "text", text: message.text },
  ];
}
