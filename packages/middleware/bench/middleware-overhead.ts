// What the shared middleware stack costs per step, measured through the real serve handler.
//
//   node bench/middleware-overhead.ts [--steps 25] [--rounds 60] [--warmup 10] [--breakdown]
//
// The same step-heavy function runs on a bare Inngest client and on a createStudioClient client
// (run logger, step timing, Sentry with a DSN, services, encryption), both in cloud mode with
// signed requests, both served by inngest/edge's `serve` (the handler every adapter wraps). A run
// is first played for real by runThroughServeHandler: one request per step, the memoized state
// sent back each time, as the Inngest executor does without checkpointing (the worst case for
// per-request costs). Its requests are then replayed through the handler many times, request k
// of every variant back to back, so the requests being compared run under the same machine load
// (this machine is shared). Only the time spent inside the handler is counted.
// Results: docs/benchmarks.md.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { encryptionMiddleware } from "@inngest/middleware-encryption";
import { SentryMiddleware } from "@inngest/middleware-sentry";
import * as Sentry from "@sentry/node";
import { dependencyInjectionMiddleware, Inngest, type Middleware } from "inngest";
import { serve } from "inngest/edge";
import { createStudioClient } from "../src/client.ts";
import { createEncryptionMiddleware } from "../src/encryption/create-encryption-middleware.ts";
import { createStudioLogger } from "../src/logging/create-studio-logger.ts";
import { runLoggerMiddleware } from "../src/logging/run-logger-middleware.ts";
import { StepTimingMiddleware } from "../src/middleware/step-timing-middleware.ts";
import { sentryReady } from "../src/sentry/init-sentry.ts";
import { StudioSentryMiddleware } from "../src/sentry/studio-sentry-middleware.ts";
import { memorySentryTransport } from "../src/testing/memory-sentry-transport.ts";
import { runThroughServeHandler } from "../src/testing/run-through-serve-handler.ts";
import { signatureHeader } from "../src/testing/signature-header.ts";

const { values } = parseArgs({
  // `pnpm bench -- --breakdown` hands node a literal "--": skip it.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
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
const ENCRYPTION_KEY = "aa397bf884cc3c5cba127dab2e8a7f2a136ae9143bf94386df0d8227a00395ba";
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
  env: { INNGEST_SIGNING_KEY: SIGNING_KEY, INNGEST_EVENT_KEY: "bench-event-key", STUDIO_ENCRYPTION_KEY: ENCRYPTION_KEY, SENTRY_DSN: DSN, LOG_LEVEL: "info" },
  logDestination: discard,
  sentryTransport: sentry.transport,
  services: { email: { send: () => Promise.resolve() } },
});
// Sentry starts in the background (init-sentry.ts): wait for it, so that its set-up is not timed.
await sentryReady();
if (!Sentry.getClient()) throw new Error("Sentry should be on for the benchmark");

const variants: Variant[] = [variant("bare", bareClient("bench-bare")), variant("full stack", full)];

if (values.breakdown) {
  // One middleware at a time on a bare client, to see what each costs alone.
  const logger = createStudioLogger({ appId: "bench-parts", level: "info", destination: discard });
  const parts: [string, Middleware.Class[], boolean?][] = [
    ["+ pino logger only (client logger)", [], true],
    ["+ run logger", [runLoggerMiddleware(logger)], true],
    ["+ run logger + step timing", [runLoggerMiddleware(logger), StepTimingMiddleware], true],
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
  // The same stack built from the stock Sentry and encryption middleware, for comparison.
  const stockStack = new Inngest({
    id: "bench-stock",
    isDev: false,
    signingKey: SIGNING_KEY,
    logger,
    middleware: [
      runLoggerMiddleware(logger),
      StepTimingMiddleware,
      SentryMiddleware,
      dependencyInjectionMiddleware({ email: {} }),
      encryptionMiddleware({ key: ENCRYPTION_KEY }),
    ],
  });
  variants.push(variant("full stack with stock Sentry + encryption", stockStack));
}

type Recorded = { url: string; body: string };

/**
 * Plays one complete run of the variant (a real run: each response feeds the next request) and
 * keeps its requests, so that the same run can be replayed request by request below.
 */
async function recordRun(v: Variant): Promise<Recorded[]> {
  const requests: Recorded[] = [];
  const run = await runThroughServeHandler({
    functionSlug: v.slug,
    event: { name: "bench/run", data: { briefId: "brf_01HZX8Q5K3V7" } },
    signingKey: SIGNING_KEY,
    handler: async (req) => {
      requests.push({ url: req.url, body: await req.clone().text() });
      return v.handler(req);
    },
  });
  if (run.status !== "Completed") throw new Error(`${v.name}: run ${run.status}: ${JSON.stringify(run.output)}`);
  if (requests.length !== STEPS + 1) throw new Error(`${v.name}: expected ${STEPS + 1} requests, got ${requests.length}`);
  return requests;
}

/**
 * Cost of one request inside the handler, in ms: CPU time (user + system, all threads, so the
 * async HMAC work counts) and wall time. The request is re-signed, as Inngest signs each delivery.
 */
async function timeRequest(v: Variant, { url, body }: Recorded): Promise<{ cpu: number; wall: number }> {
  const request = new Request(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", host: new URL(url).host, "x-inngest-signature": signatureHeader(body, SIGNING_KEY) },
  });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const res = await v.handler(request);
  await res.text();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpuBefore);
  if (res.status !== 200 && res.status !== 206) throw new Error(`${v.name}: replay answered HTTP ${res.status}`);
  return { cpu: (used.user + used.system) / 1000, wall };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const recorded = new Map<string, Recorded[]>();
for (const v of variants) recorded.set(v.name, await recordRun(v));

/** samples[variant][k] = CPU (or wall) times of the variant's request k, one per round. */
const cpuSamples = new Map<string, number[][]>(variants.map((v) => [v.name, Array.from({ length: STEPS + 1 }, () => [])]));
const wallSamples = new Map<string, number[][]>(variants.map((v) => [v.name, Array.from({ length: STEPS + 1 }, () => [])]));
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  // Request k of every variant back to back, then request k+1...: each pair of requests being
  // compared runs within a few milliseconds, under the same load. The order alternates.
  for (let k = 0; k <= STEPS; k++) {
    const order = (round + k) % 2 ? [...variants].reverse() : variants;
    for (const v of order) {
      const spent = await timeRequest(v, recorded.get(v.name)![k]!);
      if (round < WARMUP) continue;
      cpuSamples.get(v.name)![k]!.push(spent.cpu);
      wallSamples.get(v.name)![k]!.push(spent.wall);
    }
  }
}

/**
 * A run's cost = the sum, over its requests, of each request's median cost across rounds.
 * Medians per request shed the outliers this shared machine produces (a GC pause or a preempted
 * request lands on whichever variant happens to be running) without hiding a systematic cost.
 */
const runCost = (samples: number[][]) => samples.reduce((sum, xs) => sum + median(xs), 0);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const runCostMean = (samples: number[][]) => samples.reduce((sum, xs) => sum + mean(xs), 0);

const requests = STEPS + 1;
const bareCpu = runCost(cpuSamples.get("bare")!);
const bareWall = runCost(wallSamples.get("bare")!);
const pct = (ratio: number) => `${ratio >= 1 ? "+" : ""}${((ratio - 1) * 100).toFixed(1)}%`;
console.log(`Node ${process.version}, ${STEPS} steps per run (${requests} requests), ${ROUNDS} replays of each run after ${WARMUP} warm-up replays`);
console.log(
  "variant".padEnd(40),
  "CPU ms/run".padStart(11),
  "µs/request".padStart(11),
  "CPU vs bare".padStart(12),
  "(means)".padStart(9),
  "wall ms/run".padStart(12),
  "wall vs bare".padStart(13),
);
for (const v of variants) {
  const cpu = runCost(cpuSamples.get(v.name)!);
  const wall = runCost(wallSamples.get(v.name)!);
  console.log(
    v.name.padEnd(40),
    cpu.toFixed(2).padStart(11),
    ((cpu * 1000) / requests).toFixed(0).padStart(11),
    pct(cpu / bareCpu).padStart(12),
    pct(runCostMean(cpuSamples.get(v.name)!) / runCostMean(cpuSamples.get("bare")!)).padStart(9),
    wall.toFixed(2).padStart(12),
    pct(wall / bareWall).padStart(13),
  );
}
const fullCpu = runCost(cpuSamples.get("full stack")!);
console.log(
  `\nfull stack / bare (CPU) = ${(fullCpu / bareCpu).toFixed(3)}: ` +
    `${(((fullCpu - bareCpu) * 1000) / requests).toFixed(0)} µs more per request, i.e. per step (target: ratio < 1.15)`,
);
if (sentry.errorEvents().length) throw new Error("the benchmark run should not report errors to Sentry");
