// Event-to-completion through a real engine (the Inngest Dev Server): how long from sending an
// event until the function's code has run, for
//  - the floor: a bare v4 client (no middleware) served in this process by inngest/hono, whose
//    function runs one empty step and notes the time;
//  - a second floor: the same bare function with intake-brief's flow control (idempotency on
//    data.briefId, a cancelOn match on brief.withdrawn), which the engine evaluates before and
//    while the run goes: what is left between it and intake-brief is the app's own share;
//  - the worker's real intake-brief, until its first step ("record-brief") has finished, read
//    from the worker's own "step finished" log line (the worker runs as in `pnpm dev`: its own
//    process, its serve script, dev mode, the event sent encrypted by a Studio client as the web
//    app sends it);
// sequentially (latency: p50 and p99, the two targets interleaved event by event) and in bursts
// (throughput). Each intake run is cancelled after its first step (nothing else is running).
//
//   node bench/engine.ts [--samples 40] [--burst 40]
//
// Results: docs/benchmarks.md, "Event to completion".
import { createServer, type Server } from "node:http";
import { parseArgs } from "node:util";
import { serve as serveNode } from "@hono/node-server";
import { briefSubmitted } from "@studio/events";
import { briefSubmittedFixtures } from "@studio/events/fixtures";
import { createStudioClient, studioEnvSchema } from "@studio/middleware";
import { freePort, startStack } from "@studio/dev-server";
import { loadLine, machineLine, median, quantile } from "@studio/bench";
import { Hono } from "hono";
import { Inngest } from "inngest";
import { serve } from "inngest/hono";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { samples: { type: "string", default: "40" }, burst: { type: "string", default: "40" } },
});
const SAMPLES = Number(values.samples);
const BURST = Number(values.burst);

console.log(`Event to completion, Dev Server: ${machineLine()}`);
const stack = await startStack({ apps: ["worker"] });
let floorServer: Server | undefined;
try {
  // The floor app, in this process: a bare client and a one-empty-step function.
  const floorRan = new Map<string, number>();
  const bare = new Inngest({ id: "bench-floor", isDev: true, baseUrl: stack.devServer.url });
  const noop = bare.createFunction({ id: "noop", triggers: { event: "bench/floor.requested" } }, async ({ event, step }) => {
    await step.run("noop", () => {
      floorRan.set(String((event.data as { seq: string }).seq), Date.now());
    });
  });
  const noopWithFlowControl = bare.createFunction(
    {
      id: "noop-flow-control",
      triggers: { event: "bench/floor-flow-control.requested" },
      idempotency: "event.data.briefId",
      cancelOn: [{ event: "bench/floor-flow-control.withdrawn", if: "async.data.briefId == event.data.briefId" }],
    },
    async ({ event, step }) => {
      await step.run("noop", () => {
        floorRan.set(String((event.data as { seq: string }).seq), Date.now());
      });
    },
  );
  const port = await freePort();
  const floorApp = new Hono().on(["GET", "PUT", "POST"], "/api/inngest", serve({ client: bare, functions: [noop, noopWithFlowControl] }));
  floorServer = serveNode({ fetch: floorApp.fetch, port, hostname: "127.0.0.1", createServer }) as Server;
  const sync = await fetch(`http://127.0.0.1:${port}/api/inngest`, { method: "PUT" });
  if (!sync.ok) throw new Error(`the floor app did not sync with the Dev Server: HTTP ${sync.status} ${await sync.text()}`);
  await stack.api.waitForApps(["bench-floor", "studio-worker"]);

  // The producer: a Studio client in dev mode, as the web app sends briefs (data.encrypted sealed).
  const producer = createStudioClient({ id: "bench-producer", env: studioEnvSchema.parse({ INNGEST_DEV: stack.devServer.url, LOG_LEVEL: "warn" }) });
  const brief = briefSubmittedFixtures.valid[0];
  let seq = 0;

  /** The worker's "step finished" line for record-brief of the run that event `eventId` started. */
  const recordBriefDone = async (eventId: string, timeoutMs = 60_000): Promise<{ at: number; runId: string }> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const runs = await stack.api.runsForEvent(eventId);
      for (const run of runs) {
        const line = stack
          .logs()
          .split("\n")
          .find((l) => l.includes('"step finished"') && l.includes(run.run_id) && l.includes('"record-brief"'));
        if (line) return { at: Date.parse((JSON.parse(line.slice(line.indexOf("{"))) as { time: string }).time), runId: run.run_id };
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no "step finished" line for record-brief of event ${eventId} within ${timeoutMs} ms`);
  };
  const waitFloor = async (key: string, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!floorRan.has(key)) {
      if (Date.now() > deadline) throw new Error(`the floor function did not run for ${key} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 2));
    }
    return floorRan.get(key)!;
  };

  const floorOnce = async () => {
    const key = `s${seq++}`;
    const sent = Date.now();
    await bare.send({ name: "bench/floor.requested", data: { seq: key } });
    return (await waitFloor(key)) - sent;
  };
  const flowControlFloorOnce = async () => {
    const key = `s${seq++}`;
    const sent = Date.now();
    await bare.send({ name: "bench/floor-flow-control.requested", data: { seq: key, briefId: `brief_floor_${key}_${sent}` } });
    return (await waitFloor(key)) - sent;
  };
  const intakeOnce = async () => {
    const briefId = `brief_bench_${Date.now()}_${seq++}`;
    const sent = Date.now();
    const { ids } = await producer.send(briefSubmitted.create({ ...brief, briefId }));
    const done = await recordBriefDone(ids[0]!);
    await stack.api.cancel(done.runId);
    return done.at - sent;
  };

  // Warm-up: the first runs of each pay one-time costs (connections, lazily loaded modules).
  for (let i = 0; i < 3; i++) {
    await floorOnce();
    await flowControlFloorOnce();
    await intakeOnce();
  }
  const floor: number[] = [];
  const flowControlFloor: number[] = [];
  const intake: number[] = [];
  // Interleaved, the order rotating each round so none always follows the same one.
  const rounds = [
    () => floorOnce().then((ms) => floor.push(ms)),
    () => flowControlFloorOnce().then((ms) => flowControlFloor.push(ms)),
    () => intakeOnce().then((ms) => intake.push(ms)),
  ];
  for (let i = 0; i < SAMPLES; i++) for (let k = 0; k < rounds.length; k++) await rounds[(i + k) % rounds.length]!();
  console.log(`\nLatency, one event at a time (${SAMPLES} each, interleaved; ms from send to the step's end, ms clock):`);
  console.log(`${"function".padEnd(58)} ${"p50".padStart(6)} ${"p99".padStart(6)} ${"max".padStart(6)}`);
  for (const [name, xs] of [
    ["floor: bare client, one empty step", floor],
    ["floor + intake's flow control (idempotency, cancelOn)", flowControlFloor],
    ["worker intake-brief, first step (record-brief)", intake],
  ] as const) {
    console.log(`${name.padEnd(58)} ${median(xs).toFixed(0).padStart(6)} ${quantile(xs, 0.99).toFixed(0).padStart(6)} ${Math.max(...xs).toFixed(0).padStart(6)}`);
  }
  console.log(`intake-brief p50 over the floor: ${(median(intake) - median(floor)).toFixed(0)} ms (target <= 10 ms)`);
  console.log(`  of which the engine's flow control (second floor - floor): ${(median(flowControlFloor) - median(floor)).toFixed(0)} ms`);
  console.log(`  and the app's own share (intake-brief - second floor): ${(median(intake) - median(flowControlFloor)).toFixed(0)} ms`);

  // Throughput: a burst of events sent at once, until every run's step has run.
  const floorBurst = async () => {
    const keys = Array.from({ length: BURST }, () => `s${seq++}`);
    const started = Date.now();
    await bare.send(keys.map((key) => ({ name: "bench/floor.requested", data: { seq: key } })));
    await Promise.all(keys.map((k) => waitFloor(k, 120_000)));
    return Date.now() - started;
  };
  const intakeBurst = async () => {
    const started = Date.now();
    const { ids } = await producer.send(Array.from({ length: BURST }, () => briefSubmitted.create({ ...brief, briefId: `brief_bench_${Date.now()}_${seq++}` })));
    const done = await Promise.all(ids.map((id) => recordBriefDone(id, 120_000)));
    const elapsed = Math.max(...done.map((d) => d.at)) - started;
    await Promise.all(done.map((d) => stack.api.cancel(d.runId)));
    return elapsed;
  };
  const floorMs = await floorBurst();
  const intakeMs = await intakeBurst();
  console.log(`\nThroughput, ${BURST} events sent at once:`);
  console.log(`  floor: ${((BURST / floorMs) * 1000).toFixed(1)} runs/s (${floorMs} ms)`);
  console.log(`  worker intake-brief to its first step: ${((BURST / intakeMs) * 1000).toFixed(1)} runs/s (${intakeMs} ms), ${(intakeMs / floorMs).toFixed(2)}x the floor's time`);
  console.log(`end: ${loadLine()}\n`);
} finally {
  floorServer?.close();
  await stack.stop();
}
