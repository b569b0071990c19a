import { defineConfig } from "vitest/config";
import { unitConfig } from "@studio/vitest-config";

// One initdb of the embedded database per run; each test database starts from its dump.
export default defineConfig(unitConfig({ test: { globalSetup: ["src/testing/database-templates.global-setup.ts"] } }));
