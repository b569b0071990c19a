#!/usr/bin/env node
// ./pnpm verify: runs the gate's tasks through turbo (cached ones replay, outputs included), then
// writes test-results/verification/report.md from turbo's summaries and the evidence the e2e
// suites left. Exit 1 when a task failed or a checklist item has no proof.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checklist, renderReport } from "../src/build-report.ts";
import { findScreenshots, newSummaries, readEvidence, readTurboSummary } from "../src/collect.ts";
import type { TaskResult } from "../src/types.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const out = path.join(root, "test-results/verification");
const started = Date.now();

const turbo = (args: string[]) => {
  console.log(`[verify] turbo ${args.join(" ")}`);
  return spawnSync("turbo", args, { cwd: root, stdio: "inherit" }).status ?? 1;
};
const codes = [
  // --continue: one failing package must not keep the others (and their evidence) from running.
  turbo(["run", "typecheck", "lint", "test", "--continue", "--summarize", "--output-logs=errors-only"]),
  turbo(["run", "test:e2e", "--concurrency=2", "--continue", "--summarize", "--output-logs=errors-only"]),
];
const tasks: TaskResult[] = newSummaries(root, started).flatMap(readTurboSummary);

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, "screenshots"), { recursive: true });
const screenshots = findScreenshots(root).map((file) => {
  const name = `screenshots/${file.split(path.sep).join("-")}`;
  copyFileSync(path.join(root, file), path.join(out, name));
  return name;
});
const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
})();
const input = { generatedAt: new Date().toISOString(), commit, tasks, evidence: readEvidence(root), screenshots };
writeFileSync(path.join(out, "report.md"), renderReport(input));
const items = checklist(input);
for (const item of items) console.log(`[verify] ${item.ok ? "proven    " : "NOT PROVEN"} ${item.title}: ${item.verdict}`);
console.log(`[verify] report: ${path.relative(process.cwd(), path.join(out, "report.md"))}`);
if (codes.some((c) => c !== 0) || items.some((i) => !i.ok)) process.exitCode = 1;
