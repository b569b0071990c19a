import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildGeneratedFiles } from "../catalog/build-catalog.ts";
import { compareSnapshots, type Snapshot } from "../compat/compare-snapshots.ts";
import { formatBreakingChanges } from "../compat/format-breaking-change.ts";
import { type BreakingChange } from "../compat/types.ts";
import { buildSnapshot } from "../json-schema/build-snapshot.ts";
import { readSnapshotDir } from "./read-snapshot-dir.ts";
import { readSnapshotGit } from "./read-snapshot-git.ts";
import { resolveBase } from "./resolve-base.ts";

export const SCHEMAS_DIR = "packages/events/schemas";
export const GENERATE_COMMAND = "pnpm --filter @studio/events events:generate";

export interface CheckOptions {
  readonly repoRoot: string;
  /** Git refs to compare with besides the files on disk, when the clone has them (`HEAD`). */
  readonly gitRefs: readonly string[];
  /**
   * The base branch to compare with (CI: `origin/main` or EVENTS_BASE_REF). Unlike `gitRefs` it
   * is required: a base this clone does not have fails the check (see resolveBase).
   */
  readonly base?: string;
}

export interface CheckResult {
  readonly ok: boolean;
  /** Lines to print: what was compared, and every problem with its fix. */
  readonly report: string;
  readonly breaking: readonly BreakingChange[];
  readonly stale: readonly string[];
}

/** The compatibility gate and the catalog freshness check, as one pure-ish function the script calls. */
export function runCheck(options: CheckOptions): CheckResult {
  const current = buildSnapshot();
  const committed = readSnapshotDir(join(options.repoRoot, SCHEMAS_DIR));
  const lines: string[] = [];
  const baselines: Array<{ label: string; snapshot: Snapshot }> = [{ label: `the committed snapshot (${SCHEMAS_DIR}/)`, snapshot: committed }];
  for (const ref of options.gitRefs) {
    const found = readSnapshotGit(options.repoRoot, ref, SCHEMAS_DIR);
    if (found.kind === "found") baselines.push({ label: `${ref} (git)`, snapshot: found.snapshot });
    else lines.push(`· no snapshot at ${ref}; skipped that comparison`);
  }
  const baseProblems: string[] = [];
  if (options.base !== undefined) {
    const base = resolveBase(options.repoRoot, options.base);
    if (!base.ok) baseProblems.push(base.problem);
    else if (base.note) lines.push(`· ${base.note}`);
    if (base.ok && base.ref !== undefined) {
      const found = readSnapshotGit(options.repoRoot, base.ref, SCHEMAS_DIR);
      if (found.kind === "found") baselines.push({ label: `the base ${base.ref} (git)`, snapshot: found.snapshot });
      else if (found.kind === "no-snapshot") lines.push(`· the base ${base.ref} has no contract yet: nothing to compare with`);
      else baseProblems.push(`the base ${base.ref} could not be read from git.`);
    }
    for (const problem of baseProblems) lines.push(`✗ ${problem}`);
  }

  const seen = new Set<string>();
  const breaking: BreakingChange[] = [];
  for (const baseline of baselines) {
    if (baseline.snapshot.size === 0) {
      lines.push(`· ${baseline.label} is empty: nothing to compare with yet`);
      continue;
    }
    const fresh = compareSnapshots(baseline.snapshot, current).filter((change) => {
      const key = JSON.stringify(change);
      return !seen.has(key) && seen.add(key);
    });
    lines.push(`· compared ${current.size} schemas with ${baseline.label}: ${fresh.length ? `${fresh.length} breaking` : "compatible"}`);
    if (fresh.length) lines.push("", formatBreakingChanges(fresh, baseline.label), "");
    breaking.push(...fresh);
  }

  const generated = buildGeneratedFiles(current, (path) => {
    const file = join(options.repoRoot, path);
    return existsSync(file) ? readFileSync(file, "utf8") : undefined;
  });
  const stale = [...generated].filter(([path, text]) => {
    const file = join(options.repoRoot, path);
    return !existsSync(file) || readFileSync(file, "utf8") !== text;
  });
  const orphans = [...committed.keys()]
    .map((path) => `${SCHEMAS_DIR}/${path}`)
    .filter((path) => !generated.has(path));
  const staleFiles = [...stale.map(([path]) => path), ...orphans];
  if (staleFiles.length) {
    lines.push(
      `✗ ${staleFiles.length} generated file(s) are stale (JSON Schemas, docs/events.md, docs/asyncapi.yaml, the event flow in docs/architecture.md):`,
      ...staleFiles.map((path) => `    ${path}${orphans.includes(path) ? " (no longer generated: delete it)" : ""}`),
      `  fix: run \`${GENERATE_COMMAND}\` and commit the result.`,
    );
    if (breaking.length) {
      lines.push("  (Regenerating does not make the breaking changes above acceptable: the gate also compares with git.)");
    }
  } else {
    lines.push("· generated schemas and catalog are up to date");
  }
  return {
    ok: breaking.length === 0 && staleFiles.length === 0 && baseProblems.length === 0,
    report: lines.join("\n"),
    breaking,
    stale: staleFiles,
  };
}
