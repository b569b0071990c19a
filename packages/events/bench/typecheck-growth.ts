// Type-check cost as the contract grows: a generated contract of N events (one file per event,
// defineEvent + a zod schema of a dozen fields, most with a dedupe rule), used the way the apps
// use theirs (a function per event triggered by it, waiting for another, sending a third with
// createWithDedupe, a producer table `as const satisfies`, EventData<> in helpers), type-checked
// by tsc for N = 0 (the floor: the same imports, no events), 25, 50, 100, 200.
//
//   node bench/typecheck-growth.ts [--sizes 25,50,100,200] [--rounds 2] [--compiler tsc|tsgo]
//
// Fails on any compiler error (TS2589 "excessively deep" in particular). Results: docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadLine, machineLine, median } from "@studio/bench";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { sizes: { type: "string", default: "25,50,100,200" }, rounds: { type: "string", default: "2" }, compiler: { type: "string", default: "tsc" } },
});
const sizes = [0, ...values.sizes.split(",").map(Number)];
const ROUNDS = Number(values.rounds);
const packageDir = new URL("..", import.meta.url).pathname;
const root = path.join(packageDir, "node_modules/.cache/studio-bench/contract-growth");
const require = createRequire(import.meta.url);
// tsgo is a dependency of @studio/bench (the dev-loop benchmark compares the compilers).
const fromBench = createRequire(import.meta.resolve("@studio/bench"));
const compiler =
  values.compiler === "tsgo"
    ? { name: "tsgo (@typescript/native-preview)", bin: path.join(path.dirname(fromBench.resolve("@typescript/native-preview/package.json")), "bin/tsgo") }
    : { name: `tsc ${(require("typescript/package.json") as { version: string }).version}`, bin: require.resolve("typescript/bin/tsc") };

/** One event of the generated contract: the shape of the real ones (ids, money, dates, an encrypted block). */
const eventFile = (i: number) => `import { z } from "zod";
import { dedupeKey, defineEvent } from "../../../../../../src/index.ts";

export const event${i} = defineEvent({
  name: "bench/thing-${i}.happened",
  version: "1",
  owner: "web",
  producers: ["web"],
  consumers: ["worker"],
  description: "Generated event ${i} of the type-check benchmark.",
  schema: z.object({
    thingId: z.string().min(1).max(64),
    clientId: z.string().min(1).max(64),
    title${i}: z.string().min(1).max(120),
    amount: z.object({ amount: z.number().int().min(0), currency: z.enum(["EUR", "GBP", "USD"]) }),
    dueDate: z.string().regex(/^\\d{4}-\\d{2}-\\d{2}$/),
    tags: z.array(z.string().max(40)).max(20),
    kind: z.enum(["a${i}", "b${i}", "c${i}"]),
    count: z.number().int().optional(),
    encrypted: z.object({ contactName: z.string().min(1), contactEmail: z.email(), notes: z.string().max(5000).optional() }),
  }),
  ${i % 5 === 4 ? "" : "dedupe: (data) => dedupeKey(data.thingId, data.kind),"}
});
`;

const dataFor = (i: number) =>
  `{ thingId: "t", clientId: "c", title${i}: "x", amount: { amount: 1, currency: "EUR" }, dueDate: "2027-01-01", tags: [], kind: "a${i}", encrypted: { contactName: "n", contactEmail: "a@b.example" } }`;

/** A worker-style function on event i: waits for event i+1, sends event i+2 (deduped ones only). */
const functionFile = (i: number, n: number) => {
  const next = (i + 1) % n;
  let sent = (i + 2) % n;
  while (sent % 5 === 4) sent = (sent + 1) % n;
  return `import { Inngest } from "inngest";
import { createWithDedupe, type EventData } from "../../../../../../src/index.ts";
import { event${i} } from "../events/e${i}.ts";
import { event${next} } from "../events/e${next}.ts";
import { event${sent} } from "../events/e${sent}.ts";

const inngest = new Inngest({ id: "bench-app" });

function summary(data: EventData<typeof event${i}>): string {
  return \`\${data.title${i}} (\${data.amount.amount} \${data.amount.currency}) for \${data.encrypted.contactName}\`;
}

export const fn${i} = inngest.createFunction(
  { id: "fn-${i}", triggers: [event${i}], idempotency: "event.data.thingId" },
  async ({ event, step }) => {
    const text = await step.run("summary", () => summary(event.data));
    const answer = await step.waitForEvent("wait", { event: event${next}, timeout: "1d", if: "async.data.thingId == event.data.thingId" });
    const kind: "a${next}" | "b${next}" | "c${next}" | undefined = answer?.data.kind;
    await step.sendEvent("send", createWithDedupe(event${sent}, { ...${dataFor(sent)}, thingId: event.data.thingId }));
    return { text, kind };
  },
);
`;
};

function writeContract(n: number): string {
  const dir = path.join(root, `n${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "events"), { recursive: true });
  mkdirSync(path.join(dir, "functions"), { recursive: true });
  for (let i = 0; i < n; i++) {
    writeFileSync(path.join(dir, "events", `e${i}.ts`), eventFile(i));
    writeFileSync(path.join(dir, "functions", `f${i}.ts`), functionFile(i, n));
  }
  const deduped = [...Array(n).keys()].filter((i) => i % 5 !== 4);
  writeFileSync(
    path.join(dir, "registry.ts"),
    `import { Inngest } from "inngest";
import { z } from "zod";
import { createWithDedupe, type AnyContractEvent, type ContractEventType, type EventData, type EventSchema } from "../../../../../src/index.ts";
${[...Array(n).keys()].map((i) => `import { event${i} } from "./events/e${i}.ts";`).join("\n")}
${[...Array(n).keys()].map((i) => `import { fn${i} } from "./functions/f${i}.ts";`).join("\n")}

/** The floor's imports are the same: inngest, zod and the contract's helpers. */
export const floor = { Inngest, z, createWithDedupe };

export const allEvents: readonly AnyContractEvent[] = [${[...Array(n).keys()].map((i) => `event${i}`).join(", ")}];
export const functions = [${[...Array(n).keys()].map((i) => `fn${i}`).join(", ")}];

/** A producer's table, as the web app keeps one. */
export const producible = {
${deduped.map((i) => `  "thing-${i}.happened": event${i},`).join("\n")}
} as const satisfies Record<string, ContractEventType<string, EventSchema, true>>;
export type ProducibleKey = keyof typeof producible;
export type ProducibleData = { [K in ProducibleKey]: EventData<(typeof producible)[K]> };
`,
  );
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ extends: "@studio/tsconfig/node.json", include: ["."] }, null, 2));
  return dir;
}

type Diagnostics = { total: number; check: number; types: number; memoryKb: number };

function typecheck(dir: string): Diagnostics {
  const r = spawnSync(process.execPath, [compiler.bin, "-p", dir, "--noEmit", "--extendedDiagnostics"], { cwd: packageDir, encoding: "utf8" });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`${compiler.name} reported errors for ${dir}${/TS2589/.test(out) ? " (TS2589: type instantiation is excessively deep)" : ""}:\n${out.slice(0, 4000)}`);
  const num = (label: RegExp) => Number(label.exec(out)?.[1]?.replace(/,/g, "") ?? Number.NaN);
  return {
    total: num(/Total time:\s+([\d.]+)s/) * 1000,
    check: num(/Check time:\s+([\d.]+)s/) * 1000,
    types: num(/Types:\s+([\d,]+)/),
    memoryKb: num(/Memory used:\s+([\d,]+)K/),
  };
}

console.log(`Contract type-check growth (${compiler.name}): ${machineLine()}`);
const dirs = sizes.map((n) => ({ n, dir: writeContract(n) }));
const results = dirs.map(({ n }) => ({ n, runs: [] as Diagnostics[] }));
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, { dir }] of dirs.entries()) results[i]!.runs.push(typecheck(dir));
}
const floor = results[0]!;
const f = (d: Diagnostics[], k: keyof Diagnostics) => median(d.map((x) => x[k]));
console.log(`${"events".padStart(6)} ${"total ms".padStart(9)} ${"check ms".padStart(9)} ${"types".padStart(8)} ${"memory MB".padStart(10)} ${"check ms/event over floor".padStart(26)} ${"types/event".padStart(12)}`);
for (const r of results) {
  const perEvent = r.n ? ((f(r.runs, "check") - f(floor.runs, "check")) / r.n).toFixed(1) : "-";
  const typesPerEvent = r.n ? ((f(r.runs, "types") - f(floor.runs, "types")) / r.n).toFixed(0) : "-";
  console.log(
    `${String(r.n).padStart(6)} ${f(r.runs, "total").toFixed(0).padStart(9)} ${f(r.runs, "check").toFixed(0).padStart(9)} ${f(r.runs, "types").toFixed(0).padStart(8)} ${(f(r.runs, "memoryKb") / 1024).toFixed(0).padStart(10)} ${perEvent.padStart(26)} ${typesPerEvent.padStart(12)}`,
  );
}
const [first, last] = [results[1]!, results.at(-1)!];
if (first !== last) {
  const growth = (f(last.runs, "check") - f(floor.runs, "check")) / (f(first.runs, "check") - f(floor.runs, "check"));
  console.log(`check time over the floor grows ${growth.toFixed(1)}x from ${first.n} to ${last.n} events (${(last.n / first.n).toFixed(0)}x the events; linear = ${(last.n / first.n).toFixed(0)}x). No compiler errors (no TS2589).`);
}
console.log(`end: ${loadLine()}\n`);
