import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundleBreakdown, kb } from "./bundle-breakdown.ts";
import { loadLine, machineLine } from "./machine-line.ts";
import { median } from "./stats.ts";
import { msLine, timeImports, type ImportTarget } from "./time-imports.ts";

export interface ColdStartEntry {
  name: string;
  /** The built module, e.g. dist/index.js (absolute, or relative to the app folder). */
  file: string;
  /** The environment the module is imported with (a deployed app's: cloud mode, keys). */
  env: Record<string, string>;
}

export interface ColdStartOptions {
  /** The app's folder: the floor's packages resolve from its node_modules. */
  appDir: string;
  /** What a bare Inngest app of the same kind imports (e.g. inngest, inngest/hono, hono). */
  floor: readonly string[];
  entries: readonly ColdStartEntry[];
  /** esbuild metafile of the build, for the size breakdown. */
  metafile?: string;
  rounds?: number;
  /** Target: entry / floor (median import wall time). */
  target?: number;
  /**
   * Also time import + serving this execution request (the entries' default export is their Hono
   * app), against the floor packages plus `floorApp` (JavaScript source of a bare app serving the
   * same function slug: bareHonoAppSource).
   */
  firstRequest?: { request: { url: string; body: string; headers: Record<string, string> }; floorApp: string };
}

/**
 * Prints a cold-start benchmark: the import time of each deployable entry in fresh processes
 * against the bare SDK's import floor, interleaved in the same run, and what fills the bundle.
 * Returns the ratios (entry median / floor median, wall and CPU).
 */
export async function runColdStart(options: ColdStartOptions): Promise<Record<string, { wall: number; cpu: number }>> {
  const rounds = options.rounds ?? 15;
  console.log(`Cold start (${path.basename(options.appDir)}): ${machineLine()}`);
  if (options.metafile && existsSync(options.metafile)) {
    const breakdown = bundleBreakdown(options.metafile);
    console.log(`\nBundle: ${breakdown.outputs.length} JS output file(s), ${kb(breakdown.total)} in all`);
    for (const output of breakdown.outputs.slice(0, 8)) console.log(`  ${output.file.padEnd(44)} ${kb(output.bytes).padStart(9)}${output.entryPoint ? `  (entry ${output.entryPoint})` : ""}`);
    console.log("Biggest packages in it:");
    for (const { name, bytes } of breakdown.byPackage.slice(0, 14)) {
      console.log(`  ${name.padEnd(44)} ${kb(bytes).padStart(9)} ${((100 * bytes) / breakdown.total).toFixed(1).padStart(5)}%`);
    }
  }
  const floorImports = [...options.floor];
  if (options.firstRequest) {
    const dir = path.join(options.appDir, "node_modules/.cache/studio-bench");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "floor-app.mjs");
    writeFileSync(file, options.firstRequest.floorApp);
    floorImports.push(pathToFileURL(file).href);
  }
  const request = options.firstRequest?.request;
  const floorEnv = { NODE_ENV: "production", ...options.entries[0]?.env };
  const targets: ImportTarget[] = [
    { name: `floor: ${options.floor.join(" + ")}${request ? " (+ a bare app)" : ""}`, imports: floorImports, cwd: options.appDir, env: floorEnv, ...(request ? { firstRequest: request } : {}) },
    ...options.entries.map((entry) => {
      const file = path.resolve(options.appDir, entry.file);
      if (!existsSync(file)) throw new Error(`${entry.name}: ${file} does not exist; build the app first (turbo runs "build" before "bench")`);
      return { name: entry.name, imports: [pathToFileURL(file).href], cwd: options.appDir, env: { NODE_ENV: "production", ...entry.env }, ...(request ? { firstRequest: request } : {}) };
    }),
  ];
  console.log(`\n${rounds} fresh processes per target, interleaved (after one warm-up round); import time only (Node's own start-up excluded)`);
  const times = await timeImports(targets, { rounds });
  const floor = times[0]!;
  console.log(`${"target".padEnd(52)} ${"wall".padStart(18)} ${"CPU".padStart(18)} ${"wall/floor".padStart(11)} ${"CPU/floor".padStart(10)} ${"process".padStart(9)}`);
  const ratios: Record<string, { wall: number; cpu: number }> = {};
  for (const t of times) {
    const wall = median(t.wall) / median(floor.wall);
    const cpu = median(t.cpu) / median(floor.cpu);
    ratios[t.name] = { wall, cpu };
    console.log(
      `${t.name.padEnd(52)} ${msLine(t.wall).padStart(18)} ${msLine(t.cpu).padStart(18)} ${`${wall.toFixed(2)}x`.padStart(11)} ${`${cpu.toFixed(2)}x`.padStart(10)} ${`${median(t.process).toFixed(0)} ms`.padStart(9)}`,
    );
  }
  if (request) {
    console.log(`\nImport + serving one execution request (the function's first run request), same processes:`);
    console.log(`${"target".padEnd(52)} ${"wall".padStart(18)} ${"CPU".padStart(18)} ${"wall/floor".padStart(11)} ${"CPU/floor".padStart(10)}`);
    for (const t of times) {
      console.log(
        `${t.name.padEnd(52)} ${msLine(t.firstWall).padStart(18)} ${msLine(t.firstCpu).padStart(18)} ${`${(median(t.firstWall) / median(floor.firstWall)).toFixed(2)}x`.padStart(11)} ${`${(median(t.firstCpu) / median(floor.firstCpu)).toFixed(2)}x`.padStart(10)}`,
      );
    }
  }
  if (options.target) console.log(`(target: entry / floor <= ${options.target}x, median import wall time)`);
  console.log(`end: ${loadLine()}\n`);
  return ratios;
}
