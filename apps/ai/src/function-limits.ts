/**
 * The SDK's share of one request on Vercel. vercel.json gives the AI app's function
 * `maxDuration` 300 s; with checkpointing (on by default) the SDK keeps running steps inside one
 * request until `maxRuntime` has passed, then hands the run back to Inngest. A step that starts
 * just before then may still take its full time (one model call over `step.ai.wrap`: up to
 * 120 s, CALL_TIMEOUT_MS in src/providers/call-provider.ts), so 60 s leaves that step room. The
 * deploy check (src/vercel.deploy.test.ts) compares the built function's limit with this;
 * docs/deploy/vercel.md#function-limits explains it.
 *
 * Applies: docs/research/inngest/vercel-inngest.md#time-limits-per-request
 */
export const checkpointing = { maxRuntime: "60s" } as const;
