// List page and item page server render with 10,000 items in the console's database, against
// baselines measured in the same run: the same page on an empty store, and a bare query.
//
//   node bench/read-model.ts [--items 10000] [--rounds 60] [--warmup 10]
//
// Both drivers: the embedded PGlite (as `pnpm dev`) and node-postgres on a real PostgreSQL
// server started here (as production). Variants are interleaved, one call each per round in a
// rotating order, so they run under the same machine load. Results: docs/benchmarks.md,
// "Web console read model".
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { machineLine, median, quantile } from "@studio/bench";
import { startPostgres } from "@studio/dev-server";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { items: { type: "string", default: "10000" }, rounds: { type: "string", default: "60" }, warmup: { type: "string", default: "10" } },
});
const ITEMS = Number(values.items);
const ROUNDS = Number(values.rounds);
const WARMUP = Number(values.warmup);

// Node runs TypeScript but not TSX: bundle the page functions (the app's own components) with
// esbuild, leaving every package to Node, next to node_modules so they resolve as in the app.
const outdir = path.resolve(import.meta.dirname, "../node_modules/.cache/read-model-bench");
await mkdir(outdir, { recursive: true });
const outfile = path.join(outdir, "read-model-pages.mjs");
await build({
  entryPoints: [path.resolve(import.meta.dirname, "read-model-pages.tsx")],
  outfile,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node22",
  jsx: "automatic",
  packages: "external",
  // next has no exports map: Node's ESM loader needs the file name.
  alias: { "next/link": "next/link.js" },
  logLevel: "warning",
});
/** What read-model-pages.tsx exports (declared here: this file is type-checked as plain Node, without TSX). */
type Store = { migrate(): Promise<void>; close(): Promise<void> };
type Query = { page: number; status?: string; q?: string };
type Pages = {
  openDatabase(target: { driver: "pglite"; dataDir: undefined } | { driver: "postgres"; url: string }): Promise<Store>;
  seed(store: Store, count: number): Promise<void>;
  bareQuery(store: Store): Promise<void>;
  listPage(store: Store, query: Query, render?: boolean): Promise<number>;
  itemPage(store: Store, briefId: string): Promise<number>;
};
const pages = (await import(pathToFileURL(outfile).href)) as Pages;
type Variant = { name: string; run: () => Promise<unknown>; samples: number[] };

async function measure(title: string, variants: Omit<Variant, "samples">[]): Promise<void> {
  const all: Variant[] = variants.map((v) => ({ ...v, samples: [] }));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (let k = 0; k < all.length; k++) {
      const variant = all[(round + k) % all.length]!;
      const start = performance.now();
      await variant.run();
      if (round >= WARMUP) variant.samples.push(performance.now() - start);
    }
  }
  const base = median(all[0]!.samples);
  const empty = median(all[1]!.samples);
  console.log(`\n${title} (median of ${ROUNDS} after ${WARMUP} warm-up, interleaved)`);
  console.log(`| variant | median ms | p90 ms | × bare query | × empty store |`);
  console.log(`| --- | ---: | ---: | ---: | ---: |`);
  for (const v of all) {
    const m = median(v.samples);
    console.log(`| ${v.name} | ${m.toFixed(2)} | ${quantile(v.samples, 0.9).toFixed(2)} | ${(m / base).toFixed(1)} | ${(m / empty).toFixed(2)} |`);
  }
}

console.log(`Web console read model, ${ITEMS} briefs. ${machineLine()}`);
const server = await startPostgres({ database: "bench_empty" });
const migrated = async (opening: Promise<Store>) => {
  const open = await opening;
  await open.migrate();
  return open;
};
const stores: Array<[string, Store, Store]> = [
  ["PGlite", await migrated(pages.openDatabase({ driver: "pglite", dataDir: undefined })), await migrated(pages.openDatabase({ driver: "pglite", dataDir: undefined }))],
  [
    `node-postgres, PostgreSQL ${server.version}`,
    await migrated(pages.openDatabase({ driver: "postgres", url: server.url })),
    await migrated(pages.openDatabase({ driver: "postgres", url: await server.createDatabase("bench_full") })),
  ],
];
try {
  for (const [driver, empty, full] of stores) {
    const seeding = performance.now();
    await pages.seed(full, ITEMS);
    console.log(`\n${driver}: seeded ${ITEMS} briefs in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    const last = Math.ceil(ITEMS / 50);
    await measure(`${driver}: list page /briefs`, [
      { name: "baseline: bare query (select 1)", run: () => pages.bareQuery(full) },
      { name: "baseline: empty store, page 1", run: () => pages.listPage(empty, { page: 1 }) },
      { name: `${ITEMS} items, page 1 (newest 50)`, run: () => pages.listPage(full, { page: 1 }) },
      { name: `${ITEMS} items, page 1, data only (no React render)`, run: () => pages.listPage(full, { page: 1 }, false) },
      { name: `${ITEMS} items, page ${last} (oldest)`, run: () => pages.listPage(full, { page: last }) },
      { name: `${ITEMS} items, status approved, page 2`, run: () => pages.listPage(full, { page: 2, status: "approved" }) },
      { name: `${ITEMS} items, search "client_7"`, run: () => pages.listPage(full, { page: 1, q: "client_7" }) },
    ]);
    await measure(`${driver}: item page /briefs/<id>`, [
      { name: "baseline: bare query (select 1)", run: () => pages.bareQuery(full) },
      { name: "baseline: empty store", run: () => pages.itemPage(empty, "brief_00005") },
      { name: `${ITEMS} items, an edited brief`, run: () => pages.itemPage(full, "brief_00005") },
      { name: `${ITEMS} items, unknown id`, run: () => pages.itemPage(full, "brief_99999x") },
    ]);
  }
  console.log(`\nEnd: ${machineLine()}`);
} finally {
  for (const [, empty, full] of stores) await Promise.all([empty.close(), full.close()]);
  await server.stop();
  await rm(outdir, { recursive: true, force: true });
}
