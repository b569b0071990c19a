import { defineConfig } from "vitest/config";
import { e2eConfig } from "@studio/vitest-config";

// Like the e2e suites (one file at a time, each starting its own system), on the *.faults.test.ts
// files. No stack evidence for `./pnpm verify`: these suites fail runs on purpose, measure their own
// figures (test-results/<scenario>.json), and the load's thousands of runs would take minutes to
// describe when its stack stops.
export default defineConfig(e2eConfig({ test: { include: ["src/**/*.faults.test.ts"], env: { STUDIO_E2E_EVIDENCE: "0" } } }));
