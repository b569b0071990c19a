/**
 * Test helpers for functions built on a Studio client: import from "@studio/middleware/testing"
 * in test files only. See docs/middleware.md ("Testing functions").
 */
export { createTestEngine, type TestEngineOptions } from "./create-test-engine.ts";
export { hashedStepId } from "./hashed-step-id.ts";
export { collectLogLines, type CollectedLogs } from "./collect-log-lines.ts";
export { startEventSink, type EventSink, type SentEvent } from "./start-event-sink.ts";
export { memorySentryTransport, type MemorySentry } from "./memory-sentry-transport.ts";
export {
  runThroughServeHandler,
  type RunThroughServeHandlerOptions,
  type ServeHandler,
  type SimulatedRun,
} from "./run-through-serve-handler.ts";
export { signatureHeader } from "./signature-header.ts";
export { LEAK_CHANNELS, plantSecretsAndScan, type LeakChannel, type SecretLeakReport } from "./plant-secrets.ts";
export { testEnv, TEST_ENCRYPTION_KEY } from "./test-env.ts";
