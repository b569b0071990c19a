/**
 * The SDK's share of one request on Vercel. vercel.json gives the worker's function
 * `maxDuration` 60 s; with checkpointing (on by default) the SDK keeps running steps inside one
 * request until `maxRuntime` has passed, then hands the run back to Inngest. A step that starts
 * just before then may still take its full time (an outside call: OUTSIDE_CALL_TIMEOUT, 10 s by
 * default), so 30 s leaves that step room. The deploy check (src/vercel.deploy.test.ts) compares
 * the built function's limit with this; docs/deploy/vercel.md#function-limits explains it.
 *
 * Applies: docs/research/inngest/vercel-inngest.md#time-limits-per-request
 */
export const checkpointing = { maxRuntime: "30s" } as const;
