import { describe, expect, it } from "vitest";
import { readAiEnv } from "../env.ts";
import { useModelTestServer } from "../testing/model-test-server.ts";
import { cachedModelPlan } from "./model-plan-source.ts";
import { probeLocalServer } from "./probe-local-server.ts";
import { resolveModelPlan } from "./resolve-model-plan.ts";

const server = useModelTestServer();

// Settings as env.ts produces them, from a plain environment (dev mode, probing off unless given).
const settings = (vars: Record<string, string>) => readAiEnv({ INNGEST_DEV: "1", AI_LOCAL_PROBE_URLS: "none", ...vars });
const nothingAnswers = () => Promise.resolve(undefined);
// The real probe with room to answer: its 500 ms default bounds start-up, and on a loaded machine
// the in-process test server can take longer than that. These tests are about which server wins.
const patientProbe = (url: string) => probeLocalServer(url, 15_000);

describe("resolveModelPlan", () => {
  it("auto with nothing configured and nothing local: the offline model, saying why", async () => {
    const plan = await resolveModelPlan(settings({}), nothingAnswers);
    expect(plan.primary).toMatchObject({ provider: "offline", name: "offline-heuristic" });
    expect(plan.fallback).toBeUndefined();
    expect(plan.reason).toBe("auto: no API key, no AI_BASE_URL, and probing is off");
  });

  it("auto finds a local OpenAI-compatible server and uses the first model it lists", async () => {
    const plan = await resolveModelPlan(settings({ AI_LOCAL_PROBE_URLS: `http://127.0.0.1:9/v1,${server.baseUrl}` }), patientProbe);
    expect(plan.primary).toMatchObject({ provider: "openai-compatible", name: "llama3.2:latest", baseUrl: server.baseUrl, apiKey: undefined, vision: false });
    expect(plan.reason).toBe(`auto: a local model server answered at ${server.baseUrl}`);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v1/models"]);
  });

  it("auto prefers a provider key, then AI_BASE_URL", async () => {
    expect((await resolveModelPlan(settings({ OPENAI_API_KEY: "sk-o", ANTHROPIC_API_KEY: "sk-a" }), nothingAnswers)).primary).toMatchObject({
      provider: "openai",
      name: "gpt-4o-mini",
      apiKey: "sk-o",
      vision: true,
    });
    expect((await resolveModelPlan(settings({ ANTHROPIC_API_KEY: "sk-a" }), nothingAnswers)).primary).toMatchObject({
      provider: "anthropic",
      name: "claude-haiku-4-5",
      apiKey: "sk-a",
    });
    expect((await resolveModelPlan(settings({ AI_BASE_URL: "https://llm.internal/v1", AI_MODEL: "mixtral" }), nothingAnswers)).primary).toMatchObject({
      provider: "openai-compatible",
      name: "mixtral",
      baseUrl: "https://llm.internal/v1",
    });
  });

  it("explicit providers use AI_MODEL, AI_BASE_URL (a proxy) and AI_API_KEY", async () => {
    const plan = await resolveModelPlan(
      settings({ AI_PROVIDER: "anthropic", AI_MODEL: "claude-sonnet-4-5", AI_BASE_URL: "https://proxy.example/v1", AI_API_KEY: "k", AI_MAX_TOKENS: "2000" }),
      nothingAnswers,
    );
    expect(plan.primary).toEqual({ provider: "anthropic", name: "claude-sonnet-4-5", baseUrl: "https://proxy.example/v1", apiKey: "k", maxTokens: 2000, vision: true });
  });

  it("a fallback model alone means the same provider; a fallback provider brings its own key", async () => {
    const same = await resolveModelPlan(settings({ AI_PROVIDER: "openai", OPENAI_API_KEY: "sk-o", AI_FALLBACK_MODEL: "gpt-4.1-mini" }), nothingAnswers);
    expect(same.fallback).toMatchObject({ provider: "openai", name: "gpt-4.1-mini", apiKey: "sk-o" });
    const other = await resolveModelPlan(
      settings({ AI_PROVIDER: "openai", OPENAI_API_KEY: "sk-o", ANTHROPIC_API_KEY: "sk-a", AI_FALLBACK_PROVIDER: "anthropic" }),
      nothingAnswers,
    );
    expect(other.fallback).toMatchObject({ provider: "anthropic", name: "claude-haiku-4-5", apiKey: "sk-a", baseUrl: undefined });
    const offline = await resolveModelPlan(settings({ AI_PROVIDER: "openai", OPENAI_API_KEY: "sk-o", AI_FALLBACK_PROVIDER: "offline" }), nothingAnswers);
    expect(offline.fallback).toMatchObject({ provider: "offline" });
  });

  it("a keyless local base URL without AI_MODEL asks that server for its model", async () => {
    const plan = await resolveModelPlan(settings({ AI_PROVIDER: "openai-compatible", AI_BASE_URL: server.baseUrl }), patientProbe);
    expect(plan.primary.name).toBe("llama3.2:latest");
    expect(plan.reason).toMatch(/model llama3\.2:latest is the first the server lists/);
  });
});

describe("probing", () => {
  it("never leaves this machine", async () => {
    await expect(probeLocalServer("https://api.openai.com/v1")).rejects.toThrow(/not a loopback URL/);
  });

  it("happens once per process: later runs are answered from memory", async () => {
    const source = cachedModelPlan(settings({ AI_LOCAL_PROBE_URLS: server.baseUrl }));
    const [a, b] = await Promise.all([source(), source()]);
    const c = await source();
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(server.requests).toHaveLength(1);
  });
});
