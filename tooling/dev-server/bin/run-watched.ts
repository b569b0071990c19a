#!/usr/bin/env node
// Runs one command watched for stalls (see src/provision/run-watched.ts), for the ./pnpm wrapper's
// own install, which runs before any dependency is there (this imports only node: modules):
//   node run-watched.ts --step "install dependencies" [--attempts 3] [--timeout 1200] -- pnpm install
import { runWatched, StepFailedError } from "../src/provision/run-watched.ts";
import { inheritedEnv } from "../src/env.ts";

const argv = process.argv.slice(2);
const split = argv.indexOf("--");
const flags = new Map<string, string>();
for (let i = 0; i < (split < 0 ? argv.length : split); i += 2) flags.set(argv[i]!.replace(/^--/, ""), argv[i + 1] ?? "");
const [cmd, ...args] = split < 0 ? [] : argv.slice(split + 1);
if (!cmd) {
  console.error('usage: run-watched.ts --step "<what it does>" [--attempts N] [--timeout SECONDS] -- <command> [args...]');
  process.exit(2);
}
try {
  // The wrapper's own output is the user's terminal: pass the command's output straight through.
  await runWatched({
    step: flags.get("step") ?? cmd,
    cmd,
    args,
    env: inheritedEnv(),
    timeoutMs: Number(flags.get("timeout") ?? 1200) * 1000,
    attempts: Number(flags.get("attempts") ?? 3),
    passThrough: true,
  });
} catch (error) {
  console.error(`[studio] ${error instanceof StepFailedError ? error.message : String(error)}`);
  process.exit(1);
}
