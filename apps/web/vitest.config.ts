import { defineConfig } from "vitest/config";
import { unitConfig } from "@studio/vitest-config";

// unit-setup gives each test file its own data folder (embedded database, outbox) before it imports
// the app. access-rules.test.ts imports the pages, so .tsx is compiled with React's JSX runtime.
export default defineConfig(unitConfig({ test: { setupFiles: ["src/testing/unit-setup.ts"] }, oxc: { jsx: { runtime: "automatic" } } }));
