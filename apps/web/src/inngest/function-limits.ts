/**
 * The SDK's share of one request on Vercel. app/api/inngest/route.ts gives the function
 * `maxDuration` 60 s; with checkpointing (on by default) the SDK keeps running steps inside one
 * request until `maxRuntime` has passed, then hands the run back to Inngest, so a step that starts
 * just before then has the other 30 s (the web app's functions take well under a second). The
 * deploy check (src/e2e/vercel.deploy.test.ts) compares the built function's limit with this.
 *
 * Applies: docs/research/inngest/vercel-inngest.md#time-limits-per-request
 */
export const checkpointing = { maxRuntime: "30s" } as const;
