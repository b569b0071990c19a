// The dev loop: is the cached `./pnpm test` / `./pnpm typecheck` really free (FULL TURBO, no task
// run), and what does the native TypeScript compiler (tsgo) cost against tsc 6 on the same tree.
//
//   node bench/dev-loop.ts [--rounds 3] [--skip-cache] [--skip-compilers] [--projects apps/worker,packages/events]
//
// 1. Cache: a dry run of each turbo command of `pnpm test` lists the tasks that would run. Only
//    when none would (the cache is warm) is the real command timed: this benchmark never runs
//    the uncached gate (the lead measures the cold gate; docs/benchmarks.md cites it).
// 2. Compilers: for every package, `tsc --noEmit -p <pkg>` and `tsgo --noEmit -p <pkg>`,
//    interleaved, wall and CPU; then both on the same deliberately broken file, to compare the
//    errors they report (a compiler is only a candidate if it reports the same ones).
// Results: docs/benchmarks.md, "Dev loop".
import { readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadLine, machineLine, median, timeCommand } from "../src/index.ts";
import { benchEnv } from "../src/env.ts";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { rounds: { type: "string", default: "3" }, projects: { type: "string" }, "skip-compilers": { type: "boolean", default: false }, "skip-cache": { type: "boolean", default: false } },
});
const ROUNDS = Number(values.rounds);
const repoRoot = path.resolve(new URL("../../..", import.meta.url).pathname);
const require = createRequire(import.meta.url);
const turbo = path.join(repoRoot, "node_modules/.bin/turbo");
const env = benchEnv.all();

console.log(`Dev loop: ${machineLine()}`);

type DryTask = { taskId: string; command: string; cache: { status: string }; resolvedTaskDefinition: { cache: boolean } };

if (!values["skip-cache"]) {
  // The turbo commands of the root `test` and `typecheck` scripts, read from package.json so the
  // benchmark follows the gate when its phases change.
  const { scripts } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const turboPhases = (script: string) =>
    script
      .split("&&")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] === "turbo")
      .map((words) => words.slice(1).filter((w) => w !== "--continue"));
  const phases = turboPhases(scripts.test!);
  const commands = [
    ...turboPhases(scripts.typecheck!).map((args) => ({ name: "pnpm typecheck", args })),
    ...phases.map((args, i) => ({ name: `pnpm test (${i + 1}/${phases.length})`, args })),
  ];
  console.log("\nCache: tasks a run would execute now (dry run)");
  for (const c of commands) {
    const dry = timeCommand(turbo, [...c.args, "--dry=json"], { cwd: repoRoot, env });
    if (dry.status !== 0) throw new Error(`turbo ${c.args.join(" ")} --dry=json failed:\n${dry.output.slice(-3000)}`);
    // Packages without the script show up as "<NONEXISTENT>" tasks: nothing runs for them.
    const tasks = (JSON.parse(dry.output.slice(dry.output.indexOf("{"))) as { tasks: DryTask[] }).tasks.filter((t) => t.command !== "<NONEXISTENT>");
    const uncacheable = tasks.filter((t) => !t.resolvedTaskDefinition.cache).map((t) => t.taskId);
    const misses = tasks.filter((t) => t.resolvedTaskDefinition.cache && t.cache.status !== "HIT").map((t) => t.taskId);
    console.log(`  ${c.name.padEnd(16)} ${tasks.length} tasks: ${tasks.length - misses.length - uncacheable.length} cached, ${misses.length} to run${misses.length ? ` (${misses.join(", ")})` : ""}${uncacheable.length ? `, ${uncacheable.length} never cached (${uncacheable.join(", ")})` : ""}`);
    if (misses.length) {
      console.log(`  ${"".padEnd(16)} not timed: the cache is not warm for it (run \`./pnpm test\` first; this benchmark does not run the uncached gate)`);
      continue;
    }
    const runs = Array.from({ length: ROUNDS }, () => timeCommand(turbo, [...c.args, "--output-logs=errors-only"], { cwd: repoRoot, env }));
    const full = runs.every((r) => /FULL TURBO/.test(r.output));
    console.log(
      `  ${"".padEnd(16)} cached run: ${median(runs.map((r) => r.wall)).toFixed(0)} ms wall, ${median(runs.map((r) => r.cpu)).toFixed(0)} ms CPU (median of ${ROUNDS})` +
        `, ${full ? "FULL TURBO" : uncacheable.length ? `not FULL TURBO: ${uncacheable.join(", ")} always run${uncacheable.length === 1 ? "s" : ""}` : "NOT FULL TURBO"}`,
    );
  }
}

if (!values["skip-compilers"]) {
  const tsc = { name: `tsc ${(require("typescript/package.json") as { version: string }).version}`, bin: require.resolve("typescript/bin/tsc") };
  const tsgoPkg = (() => {
    try {
      return { name: `tsgo ${(require("@typescript/native-preview/package.json") as { version: string }).version}`, bin: path.join(path.dirname(require.resolve("@typescript/native-preview/package.json")), "bin/tsgo") };
    } catch {
      return undefined;
    }
  })();
  if (!tsgoPkg) {
    console.log("\nCompilers: @typescript/native-preview is not installed: skipped");
  } else {
    const projects = ["apps", "packages", "tooling"].flatMap((group) =>
      readdirSync(path.join(repoRoot, group))
        .map((name) => path.join(repoRoot, group, name))
        .filter((dir) => existsSync(path.join(dir, "tsconfig.json")))
        .filter((dir) => !values.projects || values.projects.split(",").includes(path.relative(repoRoot, dir))),
    );
    const compilers = [tsc, tsgoPkg];
    console.log(`\nCompilers: ${compilers.map((c) => c.name).join(" vs ")}, --noEmit per project, ${ROUNDS} rounds interleaved (median; CPU = whole process tree)`);
    console.log(`${"project".padEnd(22)} ${compilers.map((c) => `${c.name.split(" ")[0]} wall/CPU ms`.padStart(22)).join(" ")} ${"wall ratio".padStart(11)} ${"same errors".padStart(12)}`);
    const totals = compilers.map(() => ({ wall: 0, cpu: 0 }));
    for (const dir of projects) {
      const samples = compilers.map(() => [] as { wall: number; cpu: number; errors: string }[]);
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 ? [1, 0] : [0, 1];
        for (const i of order) {
          const r = timeCommand(process.execPath, [compilers[i]!.bin, "--noEmit", "--pretty", "false", "-p", dir], { cwd: dir, env });
          samples[i]!.push({ wall: r.wall, cpu: r.cpu, errors: errorSet(r.output, dir) });
        }
      }
      const cells = samples.map((s, i) => {
        const wall = median(s.map((x) => x.wall));
        const cpu = median(s.map((x) => x.cpu));
        totals[i]!.wall += wall;
        totals[i]!.cpu += cpu;
        return { wall, cpu };
      });
      const same = samples[0]![0]!.errors === samples[1]![0]!.errors;
      console.log(
        `${path.relative(repoRoot, dir).padEnd(22)} ${cells.map((c) => `${c.wall.toFixed(0)} / ${c.cpu.toFixed(0)}`.padStart(22)).join(" ")} ${`${(cells[1]!.wall / cells[0]!.wall).toFixed(2)}x`.padStart(11)} ${(same ? "yes" : "NO").padStart(12)}`,
      );
      if (!same) console.log(`    tsc:  ${samples[0]![0]!.errors || "(none)"}\n    tsgo: ${samples[1]![0]!.errors || "(none)"}`);
    }
    console.log(`${"all projects".padEnd(22)} ${totals.map((t) => `${t.wall.toFixed(0)} / ${t.cpu.toFixed(0)}`.padStart(22)).join(" ")} ${`${(totals[1]!.wall / totals[0]!.wall).toFixed(2)}x`.padStart(11)}`);

    // Strictness: the same broken file through both.
    const probeDir = path.join(repoRoot, "packages/events");
    const probe = path.join(probeDir, "src/__strictness_probe__.ts");
    writeFileSync(probe, readFileSync(new URL("./strictness-probe.txt", import.meta.url), "utf8"));
    try {
      const found = compilers.map((c) => errorSet(timeCommand(process.execPath, [c.bin, "--noEmit", "--pretty", "false", "-p", probeDir], { cwd: probeDir, env }).output, probeDir));
      console.log(`\nStrictness probe (packages/events/src/__strictness_probe__.ts, one error per rule):`);
      for (const [i, c] of compilers.entries()) console.log(`  ${c.name.padEnd(40)} ${found[i]!.split(" ").filter(Boolean).length} errors: ${found[i]}`);
      console.log(`  ${found[0] === found[1] ? "same errors" : "DIFFERENT errors: tsgo is not a drop-in replacement here"}`);
    } finally {
      rmSync(probe, { force: true });
    }
  }
}
console.log(`end: ${loadLine()}\n`);

/** "file:line:TScode" for each error, sorted, space-separated: what two compilers must agree on. */
function errorSet(output: string, dir: string): string {
  const found = new Set<string>();
  for (const m of output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+)/gm)) found.add(`${path.relative(dir, path.resolve(dir, m[1]!))}:${m[2]}:${m[3]}`);
  for (const m of output.matchAll(/^(.+?):(\d+):\d+ - error (TS\d+)/gm)) found.add(`${path.relative(dir, path.resolve(dir, m[1]!))}:${m[2]}:${m[3]}`);
  return [...found].sort().join(" ");
}
