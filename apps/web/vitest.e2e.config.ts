import { defineConfig } from "vitest/config";
import { e2eConfig } from "@studio/vitest-config";

// Two suites at a time: each starts its own stack (own Dev Server, `next dev` folder, data folder
// and ports), and they spend most of their time waiting on the engine and the browser.
// Set-up hooks get 10 minutes: a cold `next dev` compiles every page it serves, and in the gate's
// second phase two of them compile beside three other suites on two cores (studio-flow's set-up,
// which also starts the worker and the AI app, took over 240 s there).
export default defineConfig(e2eConfig({ test: { fileParallelism: true, maxWorkers: 2, hookTimeout: 600_000 } }));
