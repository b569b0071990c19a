import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { benchEnv, childEnv } from "./env.ts";
import { median, quantile } from "./stats.ts";

export interface ImportTarget {
  name: string;
  /** Specifiers (packages, resolved from cwd) or file URLs, imported in this order. */
  imports: readonly string[];
  /** Folder the child runs in: bare specifiers resolve from its node_modules. */
  cwd: string;
  /** The child's whole environment, besides PATH and HOME (nothing else is inherited). */
  env?: Record<string, string>;
  /**
   * Then serves this request with the last import's default export (a Hono app: `.fetch`), and
   * times import + request: a cold start that runs a function pays both.
   */
  firstRequest?: { url: string; body: string; headers: Record<string, string> };
}

export interface ImportTimes {
  name: string;
  /** Per fresh process: wall and CPU (user + system) ms spent in the imports alone. */
  wall: number[];
  cpu: number[];
  /** Per fresh process: wall ms from spawn to exit (includes Node's own start-up). */
  process: number[];
  /** With firstRequest: wall and CPU ms of the imports plus serving that request. */
  firstWall: number[];
  firstCpu: number[];
}

const MARK = "__studio_bench_import__";

// Runs in the child: times the imports only (Node's start-up is the same for every target).
const CHILD = `
const specifiers = JSON.parse(process.env.STUDIO_BENCH_IMPORTS);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let mod;
for (const specifier of specifiers) mod = await import(specifier);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const result = { wall, cpu: (cpu.user + cpu.system) / 1000 };
if (process.env.STUDIO_BENCH_REQUEST) {
  const { url, body, headers } = JSON.parse(process.env.STUDIO_BENCH_REQUEST);
  const res = await mod.default.fetch(new Request(url, { method: "POST", body, headers }));
  const text = await res.text();
  if (res.status !== 200 && res.status !== 206) throw new Error("first request answered HTTP " + res.status + ": " + text.slice(0, 500));
  const all = process.cpuUsage(cpu0);
  result.firstWall = performance.now() - t0;
  result.firstCpu = (all.user + all.system) / 1000;
}
process.stdout.write("\\n${MARK}" + JSON.stringify(result) + "\\n", () => process.exit(0));
`;

/**
 * Cold-start cost of each target: its imports timed in a fresh Node process, `rounds` times,
 * the targets interleaved (order alternating each round) so that they share the machine's load.
 * The figure of merit is the median; the child exits right after importing.
 */
export async function timeImports(targets: readonly ImportTarget[], { rounds, warmup = 1 }: { rounds: number; warmup?: number }): Promise<ImportTimes[]> {
  const results = targets.map((t) => ({ name: t.name, wall: [] as number[], cpu: [] as number[], process: [] as number[], firstWall: [] as number[], firstCpu: [] as number[] }));
  for (let round = 0; round < warmup + rounds; round++) {
    const order = round % 2 ? [...targets.keys()].reverse() : [...targets.keys()];
    for (const i of order) {
      const measured = await importOnce(targets[i]!);
      if (round < warmup) continue;
      results[i]!.wall.push(measured.wall);
      results[i]!.cpu.push(measured.cpu);
      results[i]!.process.push(measured.process);
      if (measured.firstWall !== undefined) results[i]!.firstWall.push(measured.firstWall);
      if (measured.firstCpu !== undefined) results[i]!.firstCpu.push(measured.firstCpu);
    }
  }
  return results;
}

type Measured = { wall: number; cpu: number; process: number; firstWall?: number; firstCpu?: number };

function importOnce(target: ImportTarget): Promise<Measured> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", CHILD], {
      cwd: target.cwd,
      env: childEnv({ ...benchEnv.basics, ...target.env, STUDIO_BENCH_IMPORTS: JSON.stringify(target.imports), ...(target.firstRequest ? { STUDIO_BENCH_REQUEST: JSON.stringify(target.firstRequest) } : {}) }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(MARK));
      if (code !== 0 || !line) {
        reject(new Error(`${target.name}: importing ${target.imports.join(", ")} failed (exit ${code}):\n${err.slice(-3000)}${out.slice(-2000)}`));
        return;
      }
      const measured = JSON.parse(line.slice(MARK.length)) as Omit<Measured, "process">;
      resolve({ ...measured, process: performance.now() - started });
    });
  });
}

/** "412 ms (p90 455)" */
export const msLine = (xs: readonly number[]) => `${median(xs).toFixed(0)} ms (p90 ${quantile(xs, 0.9).toFixed(0)})`;
