/** The environment of the deployed web app, for the benchmarks: cloud mode and its keys. Nothing is sent anywhere. */
export const deployedEnv: Record<string, string> = {
  NODE_ENV: "production",
  INNGEST_SIGNING_KEY: "signkey-prod-5f2c8e1a9b3d4c6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e",
  INNGEST_EVENT_KEY: "bench-event-key",
  STUDIO_ENCRYPTION_KEY: "aa397bf884cc3c5cba127dab2e8a7f2a136ae9143bf94386df0d8227a00395ba",
  LOG_LEVEL: "info",
  BETTER_AUTH_SECRET: "bench-auth-secret-7d1f0c3a9e5b2d8f6a4c1e0b9d7f5a3c",
  BETTER_AUTH_URL: "https://studio.example.com",
  // Never connected to: the pool opens connections on the first query, which these benchmarks do not make.
  DATABASE_URL: "postgres://bench:bench@127.0.0.1:1/studio",
};

/** What a deployed app reports errors to (no network: nothing is captured while benchmarking). */
export const SENTRY_DSN = "https://benchkey@o0.ingest.sentry.io/1";
