// The contract gate: FULL-compatibility of the schemas (vs the committed snapshot, HEAD, and in CI
// the base branch, which must then be present) plus freshness of the generated catalog.
// Run: pnpm --filter @studio/events events:check
import { runCheck } from "../src/gate/run-check.ts";
import { env } from "./env.ts";
import { repoRoot } from "./paths.ts";

const result = runCheck({ repoRoot, gitRefs: ["HEAD"], ...(env.base ? { base: env.base } : {}) });
console.log(`events:check\n${result.report}`);
if (!result.ok) {
  console.error("\nevents:check failed.");
  process.exitCode = 1;
}
