import { plantSecretsAndScan } from "@studio/middleware/testing";
import { describe, expect, it } from "vitest";
import { webEnvSchema } from "./env.ts";

describe("the web app's secrets", () => {
  it("are declared in env.ts and never leave the process: logs, Sentry, run errors, outputs, events", async () => {
    const report = await plantSecretsAndScan({ app: "studio-web", schema: webEnvSchema, env: {} });
    // Every variable declared with secret(...) in env.ts (and in the shared schema) is planted.
    expect(Object.keys(report.planted)).toEqual(
      expect.arrayContaining(["INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY", "STUDIO_ENCRYPTION_KEY", "SENTRY_DSN"]),
    );
    expect(report.blind).toEqual([]);
    expect(report.leaks).toEqual([]);
  });
});
