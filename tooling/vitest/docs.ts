import { readFileSync } from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/**
 * The environment variables among `names` that none of the given docs mentions as `NAME`
 * (in backticks). Docs are paths relative to the repository root, e.g. "docs/worker.md".
 * Used by tests that keep docs/configuration.md and each app's doc true to its env schema.
 */
export function undocumentedVariables(names: Iterable<string>, docs: string[]): string[] {
  const text = docs.map((doc) => readFileSync(path.join(repoRoot, doc), "utf8")).join("\n");
  return [...names].filter((name) => !text.includes(`\`${name}\``)).sort();
}
