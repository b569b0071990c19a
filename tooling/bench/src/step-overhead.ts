import { loadLine, machineLine } from "./machine-line.ts";
import { percentOver } from "./stats.ts";
import { recordRequests, replayInterleaved, type FetchHandler, type ReplayVariant } from "./replay-interleaved.ts";

/** What a typical step returns here: a small record (~300 bytes of JSON). */
export const stepOutput = (i: number) => ({
  i,
  briefId: "brf_01HZX8Q5K3V7",
  status: "rendered",
  assets: [`s3://studio-assets/briefs/brf_01HZX8Q5K3V7/${i}/hero.png`, `s3://studio-assets/briefs/brf_01HZX8Q5K3V7/${i}/thumb.png`],
  encrypted: { clientEmail: "client@example.com", notes: "Deliver in 4K, brand palette B." },
  at: "2026-11-25T10:00:00.000Z",
});

/** The step-heavy function body: `steps` step.runs in a row, each returning stepOutput(i). */
export function stepHeavy(steps: number) {
  return async ({ step }: { step: { run: (id: string, fn: () => unknown) => Promise<unknown> } }) => {
    let last: unknown;
    for (let i = 0; i < steps; i++) last = await step.run(`step-${i}`, () => stepOutput(i));
    return last;
  };
}

export interface StepOverheadVariant {
  name: string;
  /** The serve handler with the step-heavy function registered. */
  handler: FetchHandler;
  /** `<appId>-<functionId>` of the step-heavy function. */
  slug: string;
}

/** The simulated executor (runThroughServeHandler from @studio/middleware/testing), passed in. */
export type PlayRun = (opts: {
  functionSlug: string;
  event: { name: string; data: Record<string, unknown> };
  signingKey: string;
  handler: FetchHandler;
}) => Promise<{ status: string; output: unknown }>;

export interface StepOverheadOptions {
  title: string;
  /** The floor first (a bare v4 client), then the variants compared with it. */
  variants: readonly StepOverheadVariant[];
  steps: number;
  rounds: number;
  warmup: number;
  signingKey: string;
  sign: (body: string, signingKey: string) => string;
  playRun: PlayRun;
  /** Where the table goes (default console.log). */
  print?: (line: string) => void;
  target?: number;
}

/**
 * Per-step overhead: one real run of the step-heavy function per variant (played through its
 * serve handler by the simulated executor, one request per step, the memoized state sent back
 * each time), then its requests replayed interleaved (replayInterleaved). Prints CPU and wall
 * per run and each variant's ratio to the first; returns the CPU ratios.
 */
export async function runStepOverhead(o: StepOverheadOptions): Promise<Record<string, number>> {
  const print = o.print ?? ((line: string) => console.log(line));
  const recorded: ReplayVariant[] = [];
  for (const v of o.variants) {
    const rec = recordRequests(v.handler);
    const run = await o.playRun({ functionSlug: v.slug, event: { name: "bench/run", data: { briefId: "brf_01HZX8Q5K3V7" } }, signingKey: o.signingKey, handler: rec.handler });
    if (run.status !== "Completed") throw new Error(`${v.name}: run ${run.status}: ${JSON.stringify(run.output)}`);
    if (rec.requests.length !== o.steps + 1) throw new Error(`${v.name}: expected ${o.steps + 1} requests, got ${rec.requests.length}`);
    recorded.push({ name: v.name, handler: v.handler, requests: rec.requests });
  }
  print(`${o.title}: ${machineLine()}`);
  print(`${o.steps} steps per run (${o.steps + 1} requests), ${o.rounds} replays after ${o.warmup} warm-up replays, interleaved`);
  const costs = await replayInterleaved(recorded, { rounds: o.rounds, warmup: o.warmup, headers: (body) => ({ "x-inngest-signature": o.sign(body, o.signingKey) }) });
  const floor = costs[0]!;
  print(
    `${"variant".padEnd(52)} ${"CPU ms/run".padStart(11)} ${"µs/request".padStart(11)} ${"CPU vs floor".padStart(13)} ${"(means)".padStart(9)} ${"wall ms/run".padStart(12)} ${"wall vs floor".padStart(14)}`,
  );
  const ratios: Record<string, number> = {};
  for (const c of costs) {
    ratios[c.name] = c.cpu / floor.cpu;
    print(
      `${c.name.padEnd(52)} ${c.cpu.toFixed(2).padStart(11)} ${((c.cpu * 1000) / c.requests).toFixed(0).padStart(11)} ${`${(c.cpu / floor.cpu).toFixed(3)}x`.padStart(13)} ${percentOver(c.cpuMean / floor.cpuMean).padStart(9)} ${c.wall.toFixed(2).padStart(12)} ${percentOver(c.wall / floor.wall).padStart(14)}`,
    );
  }
  for (const c of costs.slice(1)) {
    print(`${c.name} / ${floor.name} (CPU) = ${(c.cpu / floor.cpu).toFixed(3)}: ${(((c.cpu - floor.cpu) * 1000) / c.requests).toFixed(0)} µs more per request, i.e. per step${o.target ? ` (target <= ${o.target})` : ""}`);
  }
  print(`end: ${loadLine()}\n`);
  return ratios;
}
