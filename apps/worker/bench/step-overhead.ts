// Per-step overhead of the worker: a step-heavy function served by the worker's real serve
// handler (its Hono app, its client: createStudioClient with the worker's services, env.ts in
// cloud mode) against the same function on a bare v4 client served by inngest/hono.
//
//   node bench/step-overhead.ts [--steps 25] [--rounds 40] [--warmup 10]
//
// The worker logs to stdout as in production; that goes to /dev/null, the report to the terminal.
// Method and results: docs/benchmarks.md, "Per-step overhead per app".
import { parseArgs } from "node:util";
import { reportOutsideStdout, runStepOverhead, stepHeavy, useEnvironment } from "@studio/bench";
import { deployedEnv, SENTRY_DSN } from "./deployed-env.ts";

const print = await reportOutsideStdout(import.meta.url);
if (print) {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { steps: { type: "string", default: "25" }, rounds: { type: "string", default: "40" }, warmup: { type: "string", default: "10" } },
  });
  const steps = Number(values.steps);
  // env.ts reads process.env once, at import: set the deployed environment first.
  useEnvironment({ ...deployedEnv, SENTRY_DSN });
  const { Hono } = await import("hono");
  const { Inngest } = await import("inngest");
  const { serve } = await import("inngest/hono");
  const { createInngestHonoApp } = await import("@studio/middleware/hono");
  const { runThroughServeHandler, signatureHeader } = await import("@studio/middleware/testing");
  const { inngest } = await import("../src/client.ts");
  const { functions } = await import("../src/functions/index.ts");

  const trigger = { id: "bench-step-heavy", triggers: { event: "bench/run" } } as const;
  const bare = new Inngest({ id: "bench-bare", isDev: false, signingKey: deployedEnv.INNGEST_SIGNING_KEY! });
  const bareApp = new Hono().on(["GET", "PUT", "POST"], "/api/inngest", serve({ client: bare, functions: [bare.createFunction(trigger, stepHeavy(steps))] }));
  // The worker's serve handler exactly as app.ts builds it, with the step-heavy function added.
  const workerApp = createInngestHonoApp({ client: inngest, functions: [...functions, inngest.createFunction(trigger, stepHeavy(steps))] });

  await runStepOverhead({
    title: "Per-step overhead, worker",
    variants: [
      { name: "bare v4 client, inngest/hono", handler: (req) => Promise.resolve(bareApp.fetch(req)), slug: "bench-bare-bench-step-heavy" },
      { name: "worker: its client and Hono app, cloud, Sentry on", handler: (req) => Promise.resolve(workerApp.fetch(req)), slug: `${inngest.id}-bench-step-heavy` },
    ],
    steps,
    rounds: Number(values.rounds),
    warmup: Number(values.warmup),
    signingKey: deployedEnv.INNGEST_SIGNING_KEY!,
    sign: signatureHeader,
    playRun: runThroughServeHandler,
    print,
    target: 1.15,
  });
}
