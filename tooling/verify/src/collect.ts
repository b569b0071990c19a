import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Evidence, TaskResult } from "./types.ts";

const GROUPS = ["apps", "packages", "tooling"];

/** Every package folder of the workspace (apps/*, packages/*, tooling/*). */
function packageDirs(root: string): string[] {
  return GROUPS.flatMap((group) =>
    existsSync(path.join(root, group)) ? readdirSync(path.join(root, group)).map((name) => path.join(group, name)) : [],
  ).filter((dir) => statSync(path.join(root, dir)).isDirectory());
}

/** The evidence files the e2e suites' stacks wrote (`<package>/test-results/evidence/*.json`). */
export function readEvidence(root: string): Array<Evidence & { file: string }> {
  return packageDirs(root)
    .flatMap((dir) => {
      const folder = path.join(root, dir, "test-results/evidence");
      return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".json")).map((f) => path.join(dir, "test-results/evidence", f)) : [];
    })
    .sort()
    .map((file) => ({ ...(JSON.parse(readFileSync(path.join(root, file), "utf8")) as Evidence), file }));
}

/** Screenshots the browser suites saved (`<package>/test-results/*.png`), relative to the root. */
export function findScreenshots(root: string): string[] {
  return packageDirs(root)
    .flatMap((dir) => {
      const folder = path.join(root, dir, "test-results");
      return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".png")).map((f) => path.join(dir, "test-results", f)) : [];
    })
    .sort();
}

/** The tasks of one `turbo run --summarize` summary file (`.turbo/runs/<id>.json`). */
export function readTurboSummary(file: string): TaskResult[] {
  const summary = JSON.parse(readFileSync(file, "utf8")) as {
    tasks: Array<{ task: string; package: string; cache: { status: string }; execution?: { startTime?: number; endTime?: number; exitCode?: number | null } }>;
  };
  return summary.tasks.map((t) => ({
    package: t.package,
    task: t.task,
    exitCode: t.execution?.exitCode ?? null,
    cached: t.cache.status === "HIT",
    durationMs: t.execution?.startTime && t.execution.endTime ? t.execution.endTime - t.execution.startTime : null,
  }));
}

/** Summary files turbo wrote after `since` (ms), oldest first. */
export function newSummaries(root: string, since: number): string[] {
  const dir = path.join(root, ".turbo/runs");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).mtimeMs >= since)
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
}
