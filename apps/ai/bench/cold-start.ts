// Cold start of the deployed ai app: importing its bundle (dist/index.js, the Vercel entry)
// against importing the bare SDK (inngest, inngest/hono, hono), in fresh processes, interleaved.
//
//   node bench/cold-start.ts [--rounds 15]     (after `pnpm build`; turbo builds first)
//
// Results and method: docs/benchmarks.md, "Cold start".
import { parseArgs } from "node:util";
import { diagnosticsPinged } from "@studio/events";
import { bareHonoAppSource, executionRequest, runColdStart } from "@studio/bench";
import { signatureHeader } from "@studio/middleware/testing";
import { deployedEnv, SENTRY_DSN } from "./deployed-env.ts";

const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== "--"), options: { rounds: { type: "string", default: "15" } } });

await runColdStart({
  appDir: new URL("..", import.meta.url).pathname,
  floor: ["inngest", "inngest/hono", "hono"],
  entries: [
    { name: "dist/index.js (cloud mode)", file: "dist/index.js", env: deployedEnv },
    { name: "dist/index.js (cloud mode, SENTRY_DSN set)", file: "dist/index.js", env: { ...deployedEnv, SENTRY_DSN } },
  ],
  metafile: new URL("../dist/metafile-esm.json", import.meta.url).pathname,
  // The first request of a cold start that runs a function: the app's ping (no outside calls).
  firstRequest: {
    request: executionRequest({
      functionSlug: "studio-ai-ping",
      event: { name: diagnosticsPinged.name, data: { pingId: "ping_cold_start" } },
      signingKey: deployedEnv.INNGEST_SIGNING_KEY!,
      sign: signatureHeader,
    }),
    floorApp: bareHonoAppSource({ appId: "studio-ai", functionId: "ping", eventName: diagnosticsPinged.name }),
  },
  rounds: Number(values.rounds),
  target: 1.2,
});
