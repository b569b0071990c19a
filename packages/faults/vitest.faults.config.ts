import { defineConfig } from "vitest/config";
import { e2eConfig } from "@studio/vitest-config";

// Like the e2e suites (one file at a time, each starting its own system), on the *.faults.test.ts files.
export default defineConfig(e2eConfig({ test: { include: ["src/**/*.faults.test.ts"] } }));
