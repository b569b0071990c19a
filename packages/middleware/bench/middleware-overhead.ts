// What the shared middleware stack costs per step, measured through the real serve handler.
//
//   node bench/middleware-overhead.ts [--steps 25] [--rounds 60] [--warmup 10] [--breakdown]
//
// The same step-heavy function runs on a bare Inngest client and on a createStudioClient client
// (run logger, step timing, Sentry with a DSN, services, encryption), both in cloud mode with
// signed requests, both served by inngest/edge's `serve` (the handler every adapter wraps). Each
// run is played by runThroughServeHandler: one request per step, memoized state replayed, as the
// Inngest executor does without checkpointing (the worst case for per-request costs). Runs
// alternate between the variants (bare, full, full, bare, ...) so drift and noise hit both alike.
// Only the time spent inside the handler is counted, not the simulated executor's own work.
// Results: docs/benchmarks.md.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { SentryMiddleware } from "@inngest/middleware-sentry";
import * as Sentry from "@sentry/node";
import { dependencyInjectionMiddleware, Inngest, type Middleware } from "inngest";
import { serve } from "inngest/edge";
import { createStudioClient } from "../src/client.ts";
import { createEncryptionMiddleware } from "../src/encryption/create-encryption-middleware.ts";
import { createStudioLogger } from "../src/logging/create-studio-logger.ts";
import { runLoggerMiddleware } from "../src/logging/run-logger-middleware.ts";
import { StepTimingMiddleware } from "../src/middleware/step-timing-middleware.ts";
import { StudioSentryMiddleware } from "../src/sentry/studio-sentry-middleware.ts";
import { memorySentryTransport } from "../src/testing/memory-sentry-transport.ts";
import { runThroughServeHandler } from "../src/testing/run-through-serve-handler.ts";

const { values } = parseArgs({
  options: {
    steps: { type: "string", default: "25" },
    rounds: { type: "string", default: "60" },
    warmup: { type: "string", default: "10" },
    breakdown: { type: "boolean", default: false },
  },
});
const STEPS = Number(values.steps);
const ROUNDS = Number(values.rounds);
const WARMUP = Number(values.warmup);

const SIGNING_KEY = "signkey-bench-5f2c8e1a9b3d4c6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e";
const ENCRYPTION_KEY = "bench-key-9Vq2mX7pL4sT8wZ1nB6cR3yH5jK0dF";
const DSN = "https://benchkey@o0.ingest.sentry.io/1";
/** Log lines are formatted and scrubbed as in production, then dropped (no I/O in the figures). */
const discard = { write: (_line: string) => undefined };

/** What a typical step returns here: a small record (~300 bytes of JSON). */
const stepOutput = (i: number) => ({
  i,
  briefId: "brf_01HZX8Q5K3V7",
  status: "rendered",
  assets: [`s3://studio-assets/briefs/brf_01HZX8Q5K3V7/${i}/hero.png`, `s3://studio-assets/briefs/brf_01HZX8Q5K3V7/${i}/thumb.png`],
  encrypted: { clientEmail: "client@example.com", notes: "Deliver in 4K, brand palette B." },
  at: "2026-11-25T10:00:00.000Z",
});

type Variant = { name: string; handler: (req: Request) => Promise<Response>; slug: string };

/**
 * What an encrypted step output looks like on the wire, without encrypting it: the same envelope
 * around base64 of the JSON plus libsodium's 40 bytes. Lets the breakdown separate what
 * encryption costs the SDK through bigger payloads from what the middleware itself costs.
 */
const sameSizeAsEncrypted = (i: number) => ({
  __SIZED__: true,
  __STRATEGY__: "inngest/libsodium",
  data: Buffer.from(`${JSON.stringify(stepOutput(i))}${"-".repeat(40)}`).toString("base64"),
});

function defineFunction(client: Inngest.Any, output: (i: number) => unknown = stepOutput) {
  return client.createFunction({ id: "step-heavy", triggers: { event: "bench/run" } }, async ({ step }) => {
    let last: unknown;
    for (let i = 0; i < STEPS; i++) last = await step.run(`step-${i}`, () => output(i));
    return last;
  });
}

function variant(name: string, client: Inngest.Any, output?: (i: number) => unknown): Variant {
  return { name, handler: serve({ client, functions: [defineFunction(client, output)] }), slug: `${client.id}-step-heavy` };
}

const bareClient = (id: string, middleware: Middleware.Class[] = []) =>
  new Inngest({ id, isDev: false, signingKey: SIGNING_KEY, middleware });

// Sentry is started once for the process (as in an app), with an in-memory transport: no network.
const sentry = memorySentryTransport();
const full = createStudioClient({
  id: "bench-full",
  env: { INNGEST_SIGNING_KEY: SIGNING_KEY, STUDIO_ENCRYPTION_KEY: ENCRYPTION_KEY, SENTRY_DSN: DSN, LOG_LEVEL: "info" },
  logDestination: discard,
  sentryTransport: sentry.transport,
  services: { email: { send: () => Promise.resolve() } },
});
if (!Sentry.getClient()) throw new Error("Sentry should be on for the benchmark");

const variants: Variant[] = [variant("bare", bareClient("bench-bare")), variant("full stack", full)];

if (values.breakdown) {
  // One middleware at a time on a bare client, to see what each costs alone.
  const logger = createStudioLogger({ appId: "bench-parts", level: "info", destination: discard });
  const parts: [string, Middleware.Class[], boolean?][] = [
    ["+ pino logger only (client logger)", [], true],
    ["+ run logger", [runLoggerMiddleware(logger)], true],
    ["+ step timing", [runLoggerMiddleware(logger), StepTimingMiddleware], true],
    ["+ Sentry (ours: flush on error only)", [StudioSentryMiddleware]],
    ["+ Sentry (stock: flush every request)", [SentryMiddleware]],
    ["+ services (DI)", [dependencyInjectionMiddleware({ email: {} })]],
    ["+ encryption", [createEncryptionMiddleware({ key: ENCRYPTION_KEY, fallbackKeys: [] })]],
  ];
  for (const [name, middleware, withLogger] of parts) {
    const client = new Inngest({ id: `bench-${variants.length}`, isDev: false, signingKey: SIGNING_KEY, middleware, ...(withLogger ? { logger } : {}) });
    variants.push(variant(name, client));
  }
  variants.push(variant("bare, outputs as big as encrypted ones", bareClient("bench-sized"), sameSizeAsEncrypted));
}

/**
 * Cost of one complete run inside the handler, in ms: CPU time (user + system, all threads, so
 * the async HMAC work counts) and wall time. CPU time is the figure of merit: on a shared machine
 * wall time mostly measures the neighbours.
 */
async function timeRun(v: Variant): Promise<{ cpu: number; wall: number }> {
  let cpu = 0;
  let wall = 0;
  const run = await runThroughServeHandler({
    functionSlug: v.slug,
    event: { name: "bench/run", data: { briefId: "brf_01HZX8Q5K3V7" } },
    signingKey: SIGNING_KEY,
    handler: async (req) => {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const res = await v.handler(req);
      const body = await res.text();
      wall += performance.now() - started;
      const used = process.cpuUsage(cpuBefore);
      cpu += (used.user + used.system) / 1000;
      return new Response(body, { status: res.status, headers: res.headers });
    },
  });
  if (run.status !== "Completed") throw new Error(`${v.name}: run ${run.status}: ${JSON.stringify(run.output)}`);
  if (run.responses.length !== STEPS + 1) throw new Error(`${v.name}: expected ${STEPS + 1} requests, got ${run.responses.length}`);
  return { cpu, wall };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const cpuSamples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
const wallSamples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
/** Per round, each variant's CPU time divided by bare's in the same round: drift cancels out. */
const pairedRatios = new Map<string, number[]>(variants.map((v) => [v.name, []]));
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  // Alternate the order every round so neither variant always runs "second".
  const order = round % 2 ? [...variants].reverse() : variants;
  const thisRound = new Map<string, number>();
  for (const v of order) {
    const { cpu, wall } = await timeRun(v);
    if (round < WARMUP) continue;
    thisRound.set(v.name, cpu);
    cpuSamples.get(v.name)!.push(cpu);
    wallSamples.get(v.name)!.push(wall);
  }
  if (round >= WARMUP) for (const v of variants) pairedRatios.get(v.name)!.push(thisRound.get(v.name)! / thisRound.get("bare")!);
}

const requests = STEPS + 1;
const bareCpu = median(cpuSamples.get("bare")!);
const bareWall = median(wallSamples.get("bare")!);
const pct = (ratio: number) => `${ratio >= 1 ? "+" : ""}${((ratio - 1) * 100).toFixed(1)}%`;
console.log(`Node ${process.version}, ${STEPS} steps per run (${requests} requests), ${ROUNDS} runs per variant after ${WARMUP} warm-up runs`);
console.log(
  "variant".padEnd(40),
  "CPU ms/run".padStart(11),
  "µs/request".padStart(11),
  "CPU vs bare".padStart(12),
  "wall ms/run".padStart(12),
  "wall vs bare".padStart(13),
);
for (const v of variants) {
  const cpu = median(cpuSamples.get(v.name)!);
  const wall = median(wallSamples.get(v.name)!);
  console.log(
    v.name.padEnd(40),
    cpu.toFixed(2).padStart(11),
    ((cpu * 1000) / requests).toFixed(0).padStart(11),
    pct(median(pairedRatios.get(v.name)!)).padStart(12),
    wall.toFixed(2).padStart(12),
    pct(wall / bareWall).padStart(13),
  );
}
const ratio = median(pairedRatios.get("full stack")!);
const sorted = [...pairedRatios.get("full stack")!].sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
console.log(
  `\nfull stack / bare (CPU, median of paired runs) = ${ratio.toFixed(3)}  [interquartile ${q(0.25).toFixed(3)}-${q(0.75).toFixed(3)}]  ` +
    `= ${(((median(cpuSamples.get("full stack")!) - bareCpu) * 1000) / requests).toFixed(0)} µs more per request (one step each); target < 1.15`,
);
if (sentry.errorEvents().length) throw new Error("the benchmark run should not report errors to Sentry");
