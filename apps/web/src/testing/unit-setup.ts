import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TEST_ENCRYPTION_KEY } from "@studio/middleware/testing";
import { afterAll, vi } from "vitest";

// Runs before each unit-test file (vitest setupFiles), before the file imports the app: env.ts is
// read once, at import. Each file gets its own local data folder (the embedded database and the
// outbox in a fresh temporary folder), and the app's own client points at a port where nothing
// listens: unit tests that send use startWebTestClient's recording server instead.
const dataDir = mkdtempSync(path.join(tmpdir(), "web-unit-"));
const unitTestEnv: Record<string, string> = {
  INNGEST_DEV: "http://127.0.0.1:9",
  STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
  LOG_LEVEL: "silent",
  STUDIO_DATA_DIR: dataDir,
  // What next.config.ts's experimental.authInterrupts defines when Next compiles the app: without
  // it forbidden() and unauthorized() throw "experimental" instead of their 403 / 401.
  __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true",
};
for (const [name, value] of Object.entries(unitTestEnv)) vi.stubEnv(name, value);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
