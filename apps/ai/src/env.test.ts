import { ConfigError, LOCAL_OUTBOX_TOKEN, parseEnv } from "@studio/middleware";
import { describe, expect, it } from "vitest";
import { aiEnvSchema, readAiEnv } from "./env.ts";

const parse = (vars: Record<string, string>) => readAiEnv({ INNGEST_DEV: "1", ...vars });
const problem = (vars: Record<string, string>) => {
  try {
    parse(vars);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
};

describe("the ai app's env", () => {
  it("works with nothing set (local default: auto, 20/1m, 30s debounce)", () => {
    const env = parse({});
    expect(env).toMatchObject({
      AI_PROVIDER: "auto",
      AI_TRANSPORT: "infer",
      AI_THROTTLE: { limit: 20, period: "1m" },
      AI_MAX_TOKENS: 1024,
      REANALYSE_DEBOUNCE: "30s",
      REANALYSE_MAX_WAIT: "10m",
      AI_LOCAL_PROBE_URLS: ["http://127.0.0.1:11434/v1", "http://127.0.0.1:1234/v1"],
    });
  });

  it("treats blank values as unset", () => {
    expect(parse({ AI_API_KEY: "", AI_PROVIDER: "", AI_THROTTLE: " " })).toMatchObject({ AI_PROVIDER: "auto", AI_THROTTLE: { limit: 20 } });
    expect(parse({ AI_API_KEY: "" }).AI_API_KEY).toBeUndefined();
  });

  it("names the missing key for a hosted provider", () => {
    expect(problem({ AI_PROVIDER: "openai" })).toMatch(/OPENAI_API_KEY is not set \(AI_PROVIDER=openai needs a key/);
    expect(problem({ AI_PROVIDER: "anthropic" })).toMatch(/ANTHROPIC_API_KEY is not set \(AI_PROVIDER=anthropic needs a key/);
    expect(parse({ AI_PROVIDER: "openai", AI_API_KEY: "sk" }).AI_PROVIDER).toBe("openai");
  });

  it("needs a base URL for openai-compatible, and a model unless the server is on this machine", () => {
    expect(problem({ AI_PROVIDER: "openai-compatible" })).toMatch(/AI_BASE_URL is not set/);
    expect(problem({ AI_PROVIDER: "openai-compatible", AI_BASE_URL: "https://llm.internal/v1" })).toMatch(/AI_MODEL is not set \(set the model to use at https:\/\/llm\.internal\/v1/);
    expect(parse({ AI_PROVIDER: "openai-compatible", AI_BASE_URL: "http://localhost:11434/v1" }).AI_MODEL).toBeUndefined();
  });

  it("refuses auto in cloud mode: production never silently runs the offline model", () => {
    const message = (() => {
      try {
        parseEnv("ai", aiEnvSchema, { INNGEST_SIGNING_KEY: "signkey-prod-123" });
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    })();
    expect(message).toMatch(/AI_PROVIDER is not set \(in cloud mode choose the provider explicitly/);
  });

  it("rejects bad throttle, debounce, probe URLs and fallback settings with the fix", () => {
    expect(problem({ AI_THROTTLE: "20 per minute" })).toMatch(/AI_THROTTLE is invalid: "20 per minute" is not a throttle: write <runs>\/<period>, e.g. 20\/1m/);
    expect(problem({ REANALYSE_DEBOUNCE: "30 seconds" })).toMatch(/REANALYSE_DEBOUNCE is invalid: "30 seconds" is not a duration: write it like 30s/);
    expect(problem({ AI_LOCAL_PROBE_URLS: "http://10.0.0.5:11434/v1" })).toMatch(/AI_LOCAL_PROBE_URLS is invalid: "http:\/\/10\.0\.0\.5:11434\/v1" is not on this machine/);
    expect(problem({ AI_FALLBACK_PROVIDER: "anthropic" })).toMatch(/AI_FALLBACK_API_KEY is not set/);
    expect(problem({ AI_FALLBACK_BASE_URL: "https://x.example/v1" })).toMatch(/AI_FALLBACK_MODEL is not set/);
    expect(parse({ AI_THROTTLE: "off" }).AI_THROTTLE).toBeUndefined();
    expect(parse({ AI_LOCAL_PROBE_URLS: "none" }).AI_LOCAL_PROBE_URLS).toEqual([]);
  });

  describe("the model transport: nothing personal reaches Inngest unencrypted where real data flows", () => {
    const cloud = {
      INNGEST_DEV: "",
      INNGEST_SIGNING_KEY: "signkey-prod-123",
      AI_PROVIDER: "openai",
      OPENAI_API_KEY: "sk-test-0123456789",
      WEBHOOK_URL: "https://hooks.example.com/team",
    };
    const problemIn = (vars: Record<string, string>) => {
      try {
        readAiEnv(vars);
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };

    it("defaults to infer on a developer machine and to wrap in cloud mode and in a deployed app", () => {
      expect(parse({}).AI_TRANSPORT).toBe("infer");
      expect(readAiEnv(cloud).AI_TRANSPORT).toBe("wrap");
      expect(parse({ NODE_ENV: "production", STUDIO_UNSAFE_ALLOW_DEV_MODE: "1", AI_PROVIDER: "offline" }).AI_TRANSPORT).toBe("wrap");
    });

    it.each([
      ["cloud mode", cloud],
      ["a deployed app", { INNGEST_DEV: "1", VERCEL_ENV: "production", AI_PROVIDER: "offline" }],
    ])("refuses infer in %s without the explicit plaintext opt-in, saying what it would store", (_where, vars) => {
      const message = problemIn({ ...vars, AI_TRANSPORT: "infer" });
      expect(message).toMatch(/AI_TRANSPORT is invalid: `infer` here \(.+\) would hand Inngest the client's brief text, the model's answer and the provider key in plaintext/);
      expect(message).toContain("AI_INFER_PLAINTEXT=1");
    });

    it("needs the team channel for failure alerts in cloud mode; in dev it defaults to the web app's outbox", () => {
      const { WEBHOOK_URL: _url, ...withoutHook } = cloud;
      expect(problemIn(withoutHook)).toContain("WEBHOOK_URL is not set (cloud mode needs the team channel for failure alerts");
      expect(parse({}).WEBHOOK_URL).toBe("http://127.0.0.1:3000/api/outbox/webhook");
      // The local outbox takes only requests with an API token: the web app's public dev one.
      expect(parse({}).WEBHOOK_TOKEN).toBe(LOCAL_OUTBOX_TOKEN);
      expect(parse({ WEBHOOK_URL: "https://hooks.example.com/x" }).WEBHOOK_TOKEN).toBeUndefined();
    });

    it("allows infer there with AI_INFER_PLAINTEXT=1, and wrap always", () => {
      expect(readAiEnv({ ...cloud, AI_TRANSPORT: "infer", AI_INFER_PLAINTEXT: "1" }).AI_TRANSPORT).toBe("infer");
      expect(readAiEnv({ ...cloud, AI_TRANSPORT: "wrap" }).AI_TRANSPORT).toBe("wrap");
    });
  });
});
