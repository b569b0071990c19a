import { defineConfig } from "vitest/config";
import { unitConfig } from "@studio/vitest-config";

// One initdb of the embedded database per run; each test database starts from its dump. unit-setup
// gives each test file its own data folder before it imports the app; access-rules.test.ts imports
// the pages, so .tsx is compiled with React's JSX runtime.
export default defineConfig(
  unitConfig({
    test: { globalSetup: ["src/testing/database-templates.global-setup.ts"], setupFiles: ["src/testing/unit-setup.ts"] },
    oxc: { jsx: { runtime: "automatic" } },
  }),
);
