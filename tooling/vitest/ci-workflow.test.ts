import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const workflow = readFileSync(path.join(root, ".github/workflows/ci.yml"), "utf8");
const gate = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["test"]!;

/** The turbo tasks a command line runs: the words after `turbo run` up to the first flag. */
function turboTasks(commands: string): string[] {
  return [...commands.matchAll(/turbo run ((?:[\w:-]+ ?)+)/g)].flatMap((m) => m[1]!.trim().split(/\s+/).filter((w) => !w.startsWith("-") && !w.startsWith("$")));
}

describe(".github/workflows/ci.yml", () => {
  it("runs every task of the gate (`./pnpm test`), so the users' CI checks what .ci/run checks", () => {
    // provision is replaced there by npm's inngest-cli (STUDIO_INNGEST_BIN); `pnpm verify` runs typecheck, lint, test and test:e2e.
    const inWorkflow = new Set([...turboTasks(workflow), ...(workflow.includes("pnpm verify") ? ["typecheck", "lint", "test", "test:e2e"] : [])]);
    const missing = turboTasks(gate).filter((task) => task !== "provision" && !inWorkflow.has(task));
    expect(turboTasks(gate).length).toBeGreaterThan(3);
    expect(missing).toEqual([]);
    expect(workflow).toContain("STUDIO_INNGEST_BIN");
    expect(gate.includes("sherif") ? workflow.includes("lint:workspace") || workflow.includes("sherif") : true).toBe(true);
  });
});
