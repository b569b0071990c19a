import { defineConfig } from "vitest/config";
import { unitConfig } from "@studio/vitest-config";

// unit-setup starts the fake outside services and points the worker's env at them before each
// test file imports the worker.
export default defineConfig(unitConfig({ test: { setupFiles: ["src/testing/unit-setup.ts"] } }));
