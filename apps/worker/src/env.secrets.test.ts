import { plantSecretsAndScan } from "@studio/middleware/testing";
import { describe, expect, it } from "vitest";
import { workerEnvSchema } from "./env.ts";

describe("the worker's secrets", () => {
  it("are declared in env.ts and never leave the process: logs, Sentry, run errors, outputs, events", async () => {
    const report = await plantSecretsAndScan({ app: "studio-worker", schema: workerEnvSchema, env: {} });
    expect(Object.keys(report.planted).sort()).toEqual([
      "EMAIL_API_KEY",
      "INNGEST_EVENT_KEY",
      "INNGEST_SIGNING_KEY",
      "INNGEST_SIGNING_KEY_FALLBACK",
      "RENDITION_API_KEY",
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
