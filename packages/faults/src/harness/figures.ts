import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results");

/**
 * Keeps what a scenario measured: printed with the test output and written to
 * `test-results/<scenario>.json` (kept by turbo with the task), the source of docs/reliability.md.
 */
export function recordFigures(scenario: string, figures: Record<string, unknown>): void {
  mkdirSync(resultsDir, { recursive: true });
  const record = { scenario, measuredAt: new Date().toISOString(), ...figures };
  writeFileSync(path.join(resultsDir, `${scenario}.json`), `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`\n[faults] ${scenario}: ${JSON.stringify(figures)}\n`);
}
