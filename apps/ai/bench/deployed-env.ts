/**
 * The environment of a deployed ai app, for the benchmarks: cloud mode, keys, OpenAI as the
 * provider (a fake key: no model is called while benchmarking), the team webhook at an
 * unreachable https URL. Nothing is sent anywhere.
 */
export const deployedEnv: Record<string, string> = {
  NODE_ENV: "production",
  INNGEST_SIGNING_KEY: "signkey-prod-5f2c8e1a9b3d4c6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e",
  INNGEST_EVENT_KEY: "bench-event-key",
  STUDIO_ENCRYPTION_KEY: "aa397bf884cc3c5cba127dab2e8a7f2a136ae9143bf94386df0d8227a00395ba",
  AI_PROVIDER: "openai",
  OPENAI_API_KEY: "sk-bench-not-a-real-key",
  WEBHOOK_URL: "https://hooks.bench.invalid/services/T0/B0/x",
  LOG_LEVEL: "info",
};

/** What a deployed app reports errors to (no network: nothing is captured while benchmarking). */
export const SENTRY_DSN = "https://benchkey@o0.ingest.sentry.io/1";
