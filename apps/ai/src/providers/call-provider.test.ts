import { briefAnalysisSchema } from "@studio/events";
import { NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { parseStructuredAnswer } from "../inference/parse-structured-answer.ts";
import type { ModelSpec } from "../models/model-spec.ts";
import { analyseBriefPrompt } from "../prompts/analyse-brief-prompt.ts";
import { useModelTestServer } from "../testing/model-test-server.ts";
import { callProvider } from "./call-provider.ts";
import { recorded } from "./fixtures/index.ts";
import { ProviderUnavailableError } from "./provider-errors.ts";
import { readCompletion } from "./read-completion.ts";
import { wireFormat } from "./request-body.ts";

// The provider path over real HTTP: this app's own client (used by the `wrap` transport) against
// a local server replaying recorded OpenAI and Anthropic responses.
const server = useModelTestServer();

const request = analyseBriefPrompt({ encrypted: { title: "Spring campaign", description: "Three key visuals and a loop." } });
const spec = (over: Partial<ModelSpec>): ModelSpec => ({
  provider: "openai",
  name: "gpt-4o-mini",
  baseUrl: server.baseUrl,
  apiKey: "sk-test-openai",
  maxTokens: 800,
  vision: true,
  ...over,
});

describe("callProvider against a local OpenAI/Anthropic stand-in", () => {
  it("OpenAI: sends a chat completion with the key, JSON mode and token limit, and reads the answer", async () => {
    const s = spec({});
    const completion = readCompletion(wireFormat(s), await callProvider(s, request));
    expect(parseStructuredAnswer(completion.text, briefAnalysisSchema).ok).toBe(true);
    expect(completion).toMatchObject({ reportedModel: "gpt-4o-mini-2024-07-18", inputTokens: 412, outputTokens: 96, truncated: false });

    const [sent] = server.chatRequests();
    expect(sent?.path).toBe("/v1/chat/completions");
    expect(sent?.headers.authorization).toBe("Bearer sk-test-openai");
    expect(sent?.body).toMatchObject({
      model: "gpt-4o-mini",
      max_completion_tokens: 800,
      response_format: { type: "json_object" },
      messages: [{ role: "system" }, { role: "user" }],
    });
  });

  it("Anthropic: sends x-api-key, anthropic-version, a top-level system prompt and max_tokens", async () => {
    const s = spec({ provider: "anthropic", name: "claude-haiku-4-5", apiKey: "sk-ant-test" });
    const completion = readCompletion(wireFormat(s), await callProvider(s, request));
    expect(completion).toMatchObject({ reportedModel: "claude-haiku-4-5-20251001", inputTokens: 455, outputTokens: 121 });
    expect(parseStructuredAnswer(completion.text, briefAnalysisSchema).ok).toBe(true);

    const [sent] = server.chatRequests();
    expect(sent?.path).toBe("/v1/messages");
    expect(sent?.headers["x-api-key"]).toBe("sk-ant-test");
    expect(sent?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(sent?.headers.authorization).toBeUndefined();
    expect(sent?.body).toMatchObject({ model: "claude-haiku-4-5", max_tokens: 800, system: expect.stringContaining("deliverables") as string });
  });

  it("OpenAI-compatible without a key: no Authorization header, plain max_tokens, no JSON mode", async () => {
    const s = spec({ provider: "openai-compatible", name: "llama3.2:latest", apiKey: undefined });
    await callProvider(s, request);
    const [sent] = server.chatRequests();
    expect(sent?.headers.authorization).toBeUndefined();
    expect(sent?.body).toMatchObject({ model: "llama3.2:latest", max_tokens: 800 });
    expect(sent?.body).not.toHaveProperty("response_format");
  });

  it("429 with Retry-After becomes a RetryAfterError carrying the provider's delay and message", async () => {
    server.script("rate-limited", [recorded.openai.rateLimited]);
    const error: unknown = await callProvider(spec({ name: "rate-limited" }), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryAfterError);
    expect((error as RetryAfterError).retryAfter).toBe("7");
    expect((error as Error).message).toMatch(/answered 429: Rate limit reached for gpt-4o-mini/);

    server.script("claude-limited", [recorded.anthropic.rateLimited]);
    const anthropicError: unknown = await callProvider(spec({ provider: "anthropic", name: "claude-limited" }), request).catch((e: unknown) => e);
    expect((anthropicError as RetryAfterError).retryAfter).toBe("12");
  });

  it("500 and Anthropic's 529 are retriable (ProviderUnavailableError, not NonRetriableError)", async () => {
    server.script("broken", [recorded.openai.serverError]);
    const error: unknown = await callProvider(spec({ name: "broken" }), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error).not.toBeInstanceOf(NonRetriableError);
    expect(error).toMatchObject({ status: 500, message: expect.stringMatching(/answered 500: The server had an error/) as string });

    server.script("overloaded", [recorded.anthropic.overloaded]);
    const overloaded: unknown = await callProvider(spec({ provider: "anthropic", name: "overloaded" }), request).catch((e: unknown) => e);
    expect(overloaded).toMatchObject({ name: "ProviderUnavailableError", status: 529, message: expect.stringMatching(/Overloaded/) as string });
  });

  it("401 is not retried: a wrong key will not fix itself", async () => {
    server.script("bad-key", [recorded.openai.unauthorized]);
    const error: unknown = await callProvider(spec({ name: "bad-key" }), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonRetriableError);
    expect((error as Error).message).toMatch(/answered 401: Incorrect API key provided/);
  });

  it("an unreachable server is retriable and named in the error", async () => {
    const error: unknown = await callProvider(spec({ baseUrl: "http://127.0.0.1:9/v1" }), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toMatch(/http:\/\/127\.0\.0\.1:9\/v1\/chat\/completions\) could not be reached/);
  });

  it("never quotes an answer that is not the provider's own error (a proxy's page)", async () => {
    const page = { status: 502, headers: { "content-type": "text/html" }, body: "<html><title>router admin</title>ada@example.com</html>" };
    server.script("behind-proxy", [page]);
    const error: unknown = await callProvider(spec({ name: "behind-proxy" }), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toMatch(/answered 502: \(a \d+-character answer that is not a provider error, not quoted\)/);
    expect((error as Error).message).not.toMatch(/router admin|ada@example/);
  });
});
