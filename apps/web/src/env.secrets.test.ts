import { plantSecretsAndScan } from "@studio/middleware/testing";
import { describe, expect, it } from "vitest";
import { webEnvSchema } from "./env.ts";

describe("the web app's secrets", () => {
  it("are declared in env.ts and never leave the process: logs, Sentry, run errors, outputs, events", async () => {
    // The OAuth client ids go with their planted secrets (env.ts refuses one without the other).
    const report = await plantSecretsAndScan({ app: "studio-web", schema: webEnvSchema, env: { GOOGLE_CLIENT_ID: "id.apps.googleusercontent.com", GITHUB_CLIENT_ID: "Iv1.0123456789" } });
    // Every variable declared with secret(...) in env.ts (and in the shared schema) is planted.
    expect(Object.keys(report.planted)).toEqual(
      expect.arrayContaining(["INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY", "STUDIO_ENCRYPTION_KEY", "SENTRY_DSN", "BETTER_AUTH_SECRET", "GOOGLE_CLIENT_SECRET", "GITHUB_CLIENT_SECRET", "STUDIO_DEV_API_TOKEN"]),
    );
    expect(report.blind).toEqual([]);
    expect(report.leaks).toEqual([]);
  });
});
