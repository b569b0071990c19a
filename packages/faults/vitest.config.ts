import { defineConfig } from "vitest/config";
import { unitConfig } from "@studio/vitest-config";

// The fault suites start whole systems: they run under `test:faults` (vitest.faults.config.ts), not here.
export default defineConfig(unitConfig({ test: { exclude: ["src/**/*.faults.test.ts"] } }));
