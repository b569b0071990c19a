import { plantSecretsAndScan } from "@studio/middleware/testing";
import { describe, expect, it } from "vitest";
import { aiEnvSchema } from "./env.ts";

describe("the ai app's secrets", () => {
  it("are declared in env.ts and never leave the process: logs, Sentry, run errors, outputs, events", async () => {
    // A fallback model, because a fallback key alone is refused.
    const env = { AI_PROVIDER: "offline", AI_LOCAL_PROBE_URLS: "none", AI_FALLBACK_MODEL: "gpt-4o-mini" };
    const report = await plantSecretsAndScan({ app: "studio-ai", schema: aiEnvSchema, env });
    expect(Object.keys(report.planted).sort()).toEqual([
      "AI_API_KEY",
      "AI_FALLBACK_API_KEY",
      "ANTHROPIC_API_KEY",
      "INNGEST_EVENT_KEY",
      "INNGEST_SIGNING_KEY",
      "INNGEST_SIGNING_KEY_FALLBACK",
      "OPENAI_API_KEY",
      "SENTRY_DSN",
      "STUDIO_ENCRYPTION_FALLBACK_KEYS",
      "STUDIO_ENCRYPTION_KEY",
      "WEBHOOK_TOKEN",
      "WEBHOOK_URL",
    ]);
    expect(report.blind).toEqual([]);
    expect(report.leaks).toEqual([]);
  });
});
