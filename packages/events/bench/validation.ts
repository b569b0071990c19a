// Validation throughput of the contract: every valid fixture of every event, validated
//  - by its zod schema alone (the floor: schema.safeParse),
//  - the way producers do it: event.create(data) (dedupe id included) + await validate(),
//  - through the committed JSON Schema (ajv, compiled once), as a non-TypeScript consumer would,
// interleaved in the same run. Figure of merit: events/s on CPU time.
//
//   node bench/validation.ts [--rounds 15] [--batch 2000]
//
// Results: docs/benchmarks.md, "Contract".
import { parseArgs } from "node:util";
import { machineLine, loadLine, median } from "@studio/bench";
import { allEvents } from "../src/index.ts";
import { fixtures } from "../src/fixtures/index.ts";
import { createAjv } from "../src/json-schema/create-ajv.ts";
import { eventJsonSchema } from "../src/json-schema/event-json-schema.ts";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { rounds: { type: "string", default: "15" }, batch: { type: "string", default: "2000" } },
});
const ROUNDS = Number(values.rounds);
const BATCH = Number(values.batch);

const ajv = createAjv({ assertFormats: false });
const cases = Object.values(fixtures).flatMap((f) => {
  const event = allEvents.find((e) => e === f.event);
  if (!event) throw new Error(`fixture for an event that is not in allEvents: ${f.event.name}`);
  const check = ajv.compile(eventJsonSchema(event));
  return f.valid.map((data) => ({ event, data, check }));
});

type Method = { name: string; run: (c: (typeof cases)[number]) => void | Promise<void> };
const methods: Method[] = [
  {
    name: "zod schema.safeParse (floor)",
    run: ({ event, data }) => {
      if (!event.contract.schema.safeParse(data).success) throw new Error(`${event.name}: fixture rejected`);
    },
  },
  { name: "event.create(data) + await validate()", run: async ({ event, data }) => event.create(data).validate() },
  {
    name: "JSON Schema (ajv, compiled once)",
    run: ({ event, data, check }) => {
      if (!check(data)) throw new Error(`${event.name}: fixture rejected by its JSON Schema: ${ajv.errorsText(check.errors)}`);
    },
  },
];

/** CPU ms for BATCH validations, cycling through the fixtures. */
async function timeBatch(method: Method): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < BATCH; i++) await method.run(cases[i % cases.length]!);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

console.log(`Contract validation: ${machineLine()}`);
console.log(`${cases.length} valid fixtures of ${allEvents.length} events; ${ROUNDS} rounds of ${BATCH} validations per method, interleaved (one warm-up round)`);
const samples = methods.map(() => [] as number[]);
for (let round = 0; round <= ROUNDS; round++) {
  const order = round % 2 ? [...methods.keys()].reverse() : [...methods.keys()];
  for (const i of order) {
    const ms = await timeBatch(methods[i]!);
    if (round > 0) samples[i]!.push(ms);
  }
}
const floor = median(samples[0]!);
console.log(`${"method".padEnd(42)} ${"events/s (CPU)".padStart(15)} ${"µs/event".padStart(9)} ${"time vs floor".padStart(14)}`);
methods.forEach((m, i) => {
  const ms = median(samples[i]!);
  console.log(`${m.name.padEnd(42)} ${Math.round((BATCH / ms) * 1000).toLocaleString("en").padStart(15)} ${((ms * 1000) / BATCH).toFixed(2).padStart(9)} ${`${(ms / floor).toFixed(2)}x`.padStart(14)}`);
});
console.log(`end: ${loadLine()}\n`);
