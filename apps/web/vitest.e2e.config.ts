import { defineConfig } from "vitest/config";
import { e2eConfig } from "@studio/vitest-config";

// Two suites at a time: each starts its own stack (own Dev Server, `next dev` folder, data folder
// and ports), and they spend most of their time waiting on the engine and the browser.
export default defineConfig(e2eConfig({ test: { fileParallelism: true, maxWorkers: 2 } }));
