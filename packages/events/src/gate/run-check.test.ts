import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildGeneratedFiles } from "../catalog/build-catalog.ts";
import { type JsonSchema } from "../json-schema/types.ts";
import { runCheck, SCHEMAS_DIR } from "./run-check.ts";

let root: string;

/** Writes what `events:generate` would write into a scratch repository root. */
function writeGenerated() {
  for (const [path, text] of buildGeneratedFiles()) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Edits one committed schema in place, as if it had been committed before the current code. */
function editSnapshot(path: string, edit: (schema: JsonSchema & { properties: Record<string, JsonSchema> }) => void) {
  const file = join(root, SCHEMAS_DIR, path);
  const schema = JSON.parse(readFileSync(file, "utf8")) as JsonSchema & { properties: Record<string, JsonSchema> };
  edit(schema);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
}

const gitIn = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=gate-test", "-c", "user.email=gate@test.invalid", ...args], { cwd, stdio: "ignore" });
const git = (...args: string[]) => gitIn(root, ...args);
/** The base-fetch step of .ci/run, run in a clone; returns the ref it prints. */
const ciEventsBase = (cwd: string, ref?: string) =>
  execFileSync(join(import.meta.dirname, "../../../../.ci/events-base"), ref ? [ref] : [], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
/** paidAt was optional in the "before" contract, so the current code (required) breaks it. */
const makePaidAtOptional = () =>
  editSnapshot("events/studio/invoice.paid/v1.json", (s) => {
    (s.required as string[]).splice((s.required as string[]).indexOf("paidAt"), 1);
  });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "events-gate-"));
  writeGenerated();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

// Each case runs the gate, and several run git (clones, fetches) in scratch repositories: seconds
// on a quiet machine, over 15 s on a loaded 2-core CI machine, hence the room.
describe("runCheck", { timeout: 120_000 }, () => {
  it("passes when the contract matches the committed snapshot and catalog", () => {
    const result = runCheck({ repoRoot: root, gitRefs: [] });
    expect(result).toMatchObject({ ok: true, breaking: [], stale: [] });
  });

  it("fails on a removed field, naming event, field, rule and fix", () => {
    // The snapshot had a field the current code no longer declares = the code removed it.
    editSnapshot("events/studio/brief.submitted/v1.json", (s) => {
      s.properties.priority = { type: "string" };
      (s.required as string[]).push("priority");
    });
    const result = runCheck({ repoRoot: root, gitRefs: [] });
    expect(result.ok).toBe(false);
    expect(result.breaking).toEqual([
      expect.objectContaining({ subject: "studio/brief.submitted@1", path: "data.priority", rule: "field-removed" }),
    ]);
    expect(result.report).toContain("✗ studio/brief.submitted@1 — data.priority");
    expect(result.report).toMatch(/fix: +keep the field .* publish a new version and serve both during the overlap/);
  });

  it("fails on a field removed from a realtime topic, naming channel, topic, field and fix", () => {
    // The snapshot had a field the current progress schema no longer declares = the code removed it.
    editSnapshot("channels/studio-progress/progress.json", (s) => {
      s.properties.percent = { type: "number" };
      (s.required as string[]).push("percent");
    });
    const result = runCheck({ repoRoot: root, gitRefs: [] });
    expect(result.ok).toBe(false);
    expect(result.breaking).toEqual([
      expect.objectContaining({ subject: "studio-progress:{subject} topic progress", path: "data.percent", rule: "field-removed" }),
    ]);
    expect(result.report).toContain("✗ studio-progress:{subject} topic progress — data.percent");
    expect(result.report).toMatch(/fix: +keep the field .*add a new topic/);
  });

  it("fails on a widened enum in a realtime topic", () => {
    editSnapshot("channels/studio-progress/result.json", (s) => {
      const outcome = s.properties.outcome as { enum: string[] };
      outcome.enum.splice(outcome.enum.indexOf("expired"), 1); // the code added "expired"
    });
    const result = runCheck({ repoRoot: root, gitRefs: [] });
    expect(result.breaking.map((c) => [c.subject, c.path, c.rule])).toEqual([
      ["studio-progress:{subject} topic result", "data.outcome", "enum-widened"],
    ]);
  });

  it("fails on a narrowed enum", () => {
    editSnapshot("events/studio/asset.processed/v1.json", (s) => {
      const items = (s.properties.renditions as { items: { properties: { size: { enum: string[] } } } }).items;
      items.properties.size.enum.push("poster");
    });
    const result = runCheck({ repoRoot: root, gitRefs: [] });
    expect(result.breaking.map((c) => [c.path, c.rule])).toEqual([["data.renditions[].size", "enum-narrowed"]]);
  });

  it("allows an added optional field but asks for the snapshot to be regenerated", () => {
    editSnapshot("events/studio/project.created/v1.json", (s) => {
      delete s.properties.summary; // the code has `summary?`, the snapshot does not: an addition
    });
    const result = runCheck({ repoRoot: root, gitRefs: [] });
    expect(result.breaking).toEqual([]);
    expect(result.stale).toEqual([`${SCHEMAS_DIR}/events/studio/project.created/v1.json`]);
    expect(result.report).toContain("run `pnpm --filter @studio/events events:generate`");
  });

  it("fails when the catalog is stale", () => {
    writeFileSync(join(root, "docs/events.md"), "# hand-edited\n");
    const result = runCheck({ repoRoot: root, gitRefs: [] });
    expect(result).toMatchObject({ ok: false, breaking: [], stale: ["docs/events.md"] });
  });

  it("still catches a breaking change after the snapshot was regenerated, by comparing with git", () => {
    git("init", "-q");
    editSnapshot("events/studio/invoice.paid/v1.json", (s) => {
      (s.required as string[]).splice((s.required as string[]).indexOf("paidAt"), 1); // paidAt was optional
    });
    git("add", ".");
    git("commit", "-q", "-m", "baseline");
    writeGenerated(); // the developer regenerated: disk matches the code again
    const result = runCheck({ repoRoot: root, gitRefs: ["HEAD", "origin/main"] });
    expect(result.stale).toEqual([]);
    expect(result.breaking.map((c) => [c.subject, c.path, c.rule])).toEqual([
      ["studio/invoice.paid@1", "data.paidAt", "optional-made-required"],
    ]);
    expect(result.report).toContain("compatible"); // vs the files on disk
    expect(result.report).toContain("against HEAD (git)");
    expect(result.report).toContain("no snapshot at origin/main");
  });

  describe("the base branch (CI)", () => {
    /**
     * An upstream repository whose main has the "before" contract, and a feature branch that
     * breaks it and commits the regenerated schemas (so the disk and HEAD comparisons pass).
     */
    function upstreamWithBreakingBranch() {
      git("init", "-q", "-b", "main");
      makePaidAtOptional();
      git("add", ".");
      git("commit", "-q", "-m", "before");
      git("checkout", "-q", "-b", "feature");
      writeGenerated();
      git("commit", "-q", "-am", "breaking change, schemas regenerated");
      const clone = mkdtempSync(join(tmpdir(), "events-gate-clone-"));
      return clone;
    }
    const breakingRules = (result: ReturnType<typeof runCheck>) => result.breaking.map((c) => [c.subject, c.path, c.rule]);

    it("fails when the base is missing from a shallow clone, then catches the change once .ci/events-base fetched it", () => {
      const clone = upstreamWithBreakingBranch();
      try {
        gitIn(clone, "clone", "-q", "--depth=1", "--single-branch", "--branch", "feature", `file://${root}`, ".");
        // Without the base, every comparison the clone can make passes: the hole CI had.
        expect(runCheck({ repoRoot: clone, gitRefs: ["HEAD"] })).toMatchObject({ ok: true, breaking: [] });

        const missing = runCheck({ repoRoot: clone, gitRefs: ["HEAD"], base: "origin/main" });
        expect(missing.ok).toBe(false);
        expect(missing.report).toContain("✗ the base origin/main is not in this clone (a shallow clone)");
        expect(missing.report).toContain("git fetch --no-tags --depth=1 origin +refs/heads/main:refs/remotes/origin/main");

        expect(ciEventsBase(clone)).toBe("origin/main");
        const fetched = runCheck({ repoRoot: clone, gitRefs: ["HEAD"], base: "origin/main" });
        expect(fetched.ok).toBe(false);
        expect(breakingRules(fetched)).toEqual([["studio/invoice.paid@1", "data.paidAt", "optional-made-required"]]);
        expect(fetched.report).toContain("against the base origin/main (git)");
      } finally {
        rmSync(clone, { recursive: true, force: true });
      }
    });

    it("on the base itself (CI on main) compares with its parent, deepening a shallow clone for it", () => {
      const clone = upstreamWithBreakingBranch();
      try {
        git("checkout", "-q", "main");
        git("merge", "-q", "--ff-only", "feature");
        gitIn(clone, "clone", "-q", "--depth=1", `file://${root}`, ".");
        const shallow = runCheck({ repoRoot: clone, gitRefs: ["HEAD"], base: "origin/main" });
        expect(shallow.ok).toBe(false);
        expect(shallow.report).toContain("✗ HEAD is origin/main itself and its parent is not in this shallow clone");

        ciEventsBase(clone);
        const deepened = runCheck({ repoRoot: clone, gitRefs: ["HEAD"], base: "origin/main" });
        expect(deepened.report).toContain("· HEAD is origin/main itself: compared with its parent");
        expect(breakingRules(deepened)).toEqual([["studio/invoice.paid@1", "data.paidAt", "optional-made-required"]]);
      } finally {
        rmSync(clone, { recursive: true, force: true });
      }
    });

    it("fails in a clone that has no remote to take the base from (and says how to choose another base)", () => {
      git("init", "-q", "-b", "feature");
      git("add", ".");
      git("commit", "-q", "-m", "only commit");
      expect(ciEventsBase(root)).toBe("origin/main"); // prints a note, fetches nothing
      const result = runCheck({ repoRoot: root, gitRefs: ["HEAD"], base: "origin/main" });
      expect(result.ok).toBe(false);
      expect(result.report).toContain("✗ the base origin/main is not in this clone");
      expect(result.report).toContain("or set EVENTS_BASE_REF to a ref this clone has");
      // Choosing a base on purpose works: here the branch itself, whose only commit has nothing before it.
      expect(runCheck({ repoRoot: root, gitRefs: ["HEAD"], base: "feature" })).toMatchObject({ ok: true });
    });
  });
});
