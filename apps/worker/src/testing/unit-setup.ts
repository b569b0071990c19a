import { TEST_ENCRYPTION_KEY } from "@studio/middleware/testing";
import { afterAll, vi } from "vitest";
import { setOutsideServices } from "./current-services.ts";
import { startOutsideServices } from "./outside-services.ts";

// Runs before each unit-test file (vitest setupFiles), before the file imports the worker: the
// worker reads its env once, at import, so the fake services must exist and be in the env first.
const services = await startOutsideServices();

const unitTestEnv: Record<string, string> = {
  // Dev mode against the fake Inngest API: sendEvent and realtime publish really go over HTTP.
  INNGEST_DEV: services.url,
  STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
  LOG_LEVEL: "silent",
  ...services.env,
  INVOICE_MAX_REMINDERS: "2",
  RENDITION_RATE: "30/1m",
  DIGEST_CLIENTS: "client_acme=ops@acme.example,client_globex=studio@globex.example",
  // Team messages with step.fetch (recorded by Inngest), which the function tests inspect; the
  // default, step.run from the worker, is tested in services/webhook.test.ts.
  WEBHOOK_VIA_INNGEST: "1",
  WEBHOOK_TOKEN: "",
  // Reminders' own webhook URLs point at the fake services, on loopback: the dev allowance.
  EVENT_TARGET_HOSTS: "127.0.0.1",
  EVENT_TARGET_ALLOW_PRIVATE: "1",
};
for (const [name, value] of Object.entries(unitTestEnv)) vi.stubEnv(name, value);
setOutsideServices(services, unitTestEnv);

afterAll(async () => {
  await services.stop();
});
