import type { StudioClientEnv } from "../client.ts";

/** A fixed, well-formed test key (never use it anywhere else). */
export const TEST_ENCRYPTION_KEY = "kWauWynS4PuPjCPKL7IBOkoVZRTea18RkpXAqmoXafY=";

/**
 * A valid env for a Studio client in tests: dev mode, a test encryption key, quiet logs, Sentry off.
 * Override what the test is about: `testEnv({ INNGEST_DEV: sink.url, SENTRY_DSN: "https://k@o0.ingest.sentry.io/1" })`.
 */
export function testEnv(overrides: Partial<StudioClientEnv> = {}): StudioClientEnv {
  return { INNGEST_DEV: "1", LOG_LEVEL: "info", STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, ...overrides };
}
