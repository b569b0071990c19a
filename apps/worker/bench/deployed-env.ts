/**
 * The environment of a deployed worker, for the benchmarks: cloud mode, keys, the outside
 * services at (unreachable) https URLs. Nothing is sent anywhere while benchmarking.
 */
export const deployedEnv: Record<string, string> = {
  NODE_ENV: "production",
  INNGEST_SIGNING_KEY: "signkey-prod-5f2c8e1a9b3d4c6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e",
  INNGEST_EVENT_KEY: "bench-event-key",
  STUDIO_ENCRYPTION_KEY: "aa397bf884cc3c5cba127dab2e8a7f2a136ae9143bf94386df0d8227a00395ba",
  WEBHOOK_URL: "https://hooks.bench.invalid/services/T0/B0/x",
  EMAIL_API_URL: "https://email.bench.invalid/v1",
  RENDITION_URL: "https://render.bench.invalid/v1",
  LOG_LEVEL: "info",
};

/** What a deployed app reports errors to (no network: nothing is captured while benchmarking). */
export const SENTRY_DSN = "https://benchkey@o0.ingest.sentry.io/1";
