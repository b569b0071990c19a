import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { scanSourceText } from "./scan-source-text.ts";
import { type ContractModule, type Use } from "./types.ts";

/** Folders whose code never runs in the deployed app. */
const NOT_APP_CODE = new Set(["node_modules", "dist", ".next", ".turbo", "testing", "e2e", "fixtures"]);

/**
 * Scans an app's own code (the given folders under `root`, e.g. `src` and Next.js's `app`) with
 * scanSourceText. Tests, test helpers (`testing/`, `e2e/`) and declaration files are left out:
 * what they send is not what the app sends. Paths in `where` are relative to `root`.
 */
export function scanSources(root: string, folders: readonly string[], contract: ContractModule): Use[] {
  const uses: Use[] = [];
  for (const folder of folders) {
    for (const file of sourceFiles(join(root, folder))) {
      uses.push(...scanSourceText(relative(root, file).split(sep).join("/"), readFileSync(file, "utf8"), contract));
    }
  }
  return uses;
}

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return NOT_APP_CODE.has(entry.name) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.d\.ts$|\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
