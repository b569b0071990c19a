// Cold start of the web app's serve route (app/api/inngest/route.ts): importing it, bundled as
// the Hono apps are deployed (Next compiles it in its own build, which is not run here),
// against importing the bare SDK with its Next adapter (inngest, inngest/next), in fresh
// processes, interleaved.
//
//   node bench/cold-start.ts [--rounds 15]
//
// Results and method: docs/benchmarks.md, "Cold start".
import path from "node:path";
import { parseArgs } from "node:util";
import { bundleEntry, runColdStart } from "@studio/bench";
import { deployedEnv, SENTRY_DSN } from "./deployed-env.ts";

const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== "--"), options: { rounds: { type: "string", default: "15" } } });
const appDir = new URL("..", import.meta.url).pathname;
const route = await bundleEntry({ entry: path.join(appDir, "app/api/inngest/route.ts"), outdir: path.join(appDir, "node_modules/.cache/studio-bench/serve-route") });

await runColdStart({
  appDir,
  floor: ["inngest", "inngest/next"],
  entries: [
    { name: "serve route (cloud mode)", file: route.file, env: deployedEnv },
    { name: "serve route (cloud mode, SENTRY_DSN set)", file: route.file, env: { ...deployedEnv, SENTRY_DSN } },
  ],
  metafile: route.metafile,
  rounds: Number(values.rounds),
  target: 1.2,
});
