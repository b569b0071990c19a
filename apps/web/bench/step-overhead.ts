// Per-step overhead of the web app: a step-heavy function served the way its serve route does
// (inngest/next's serve, its client: createStudioClient, env.ts in cloud mode) against the same
// function on a bare v4 client served by inngest/next.
//
//   node bench/step-overhead.ts [--steps 25] [--rounds 40] [--warmup 10]
//
// The app logs to stdout as in production; that goes to /dev/null, the report to the terminal.
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
  const { Inngest } = await import("inngest");
  const { serve } = await import("inngest/next");
  const { runThroughServeHandler, signatureHeader } = await import("@studio/middleware/testing");
  const { inngest } = await import("../src/inngest/client.ts");
  const { functions } = await import("../src/inngest/functions/index.ts");

  const trigger = { id: "bench-step-heavy", triggers: { event: "bench/run" } } as const;
  const bare = new Inngest({ id: "bench-bare", isDev: false, signingKey: deployedEnv.INNGEST_SIGNING_KEY! });
  const bareRoute = serve({ client: bare, functions: [bare.createFunction(trigger, stepHeavy(steps))] });
  // As app/api/inngest/route.ts serves, with the step-heavy function added.
  const webRoute = serve({ client: inngest, functions: [...functions, inngest.createFunction(trigger, stepHeavy(steps))] });

  await runStepOverhead({
    title: "Per-step overhead, web",
    variants: [
      { name: "bare v4 client, inngest/next", handler: (req) => bareRoute.POST(req as Parameters<typeof bareRoute.POST>[0], undefined), slug: "bench-bare-bench-step-heavy" },
      { name: "web: its client, inngest/next, cloud, Sentry on", handler: (req) => webRoute.POST(req as Parameters<typeof webRoute.POST>[0], undefined), slug: `${inngest.id}-bench-step-heavy` },
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
