import { existsSync, readdirSync, readFileSync } from "node:fs";
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

/**
 * Relative Markdown links in the repo's docs (the root README, everything under docs/, and each
 * package README) whose target file does not exist, as "file: target".
 */
export function brokenDocLinks(): string[] {
  const files = [
    "README.md",
    ...readdirSync(path.join(repoRoot, "docs"), { recursive: true, encoding: "utf8" }).map((f) => path.join("docs", f)),
    ...readdirSync(path.join(repoRoot, "packages")).map((p) => path.join("packages", p, "README.md")),
  ].filter((f) => f.endsWith(".md") && existsSync(path.join(repoRoot, f)));
  const broken: string[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(repoRoot, file), "utf8");
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (!target || /^[a-z]+:/i.test(target)) continue;
      if (!existsSync(path.resolve(repoRoot, path.dirname(file), target))) broken.push(`${file}: ${target}`);
    }
  }
  return broken;
}
