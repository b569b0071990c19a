// Runs once when the server starts. Next compiles this file for both the Node.js and the Edge
// runtime and inlines NEXT_RUNTIME, so the Edge build drops the Node-only start-up check.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- a constant Next inlines at build time, not configuration
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node.ts");
}
