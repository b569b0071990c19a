import { freePort, startApp } from "@studio/dev-server";
import { describe, expect, it } from "vitest";

/** instrumentation.ts: a server that cannot work must not start serving. */
describe("the web server's start-up check", () => {
  it("exits with status 1, naming the missing key, when cloud mode has no INNGEST_SIGNING_KEY", async () => {
    const port = await freePort();
    // Blank means unset (src/env.ts); INNGEST_DEV blank also overrides .env.development's default.
    const cloudWithoutKeys = { INNGEST_DEV: "", INNGEST_SIGNING_KEY: "", INNGEST_EVENT_KEY: "", STUDIO_ENCRYPTION_KEY: "" };
    const started = startApp("web", { port, readyTimeoutMs: 120_000, env: { ...cloudWithoutKeys, STUDIO_NEXT_DIST_DIR: ".next/e2e-start-up" } });
    await expect(started).rejects.toThrow(/exited \(code 1\)[\s\S]*INNGEST_SIGNING_KEY is not set, and it is required in cloud mode/);
  });
});
