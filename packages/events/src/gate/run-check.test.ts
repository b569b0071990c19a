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

const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=gate-test", "-c", "user.email=gate@test.invalid", ...args], { cwd: root, stdio: "ignore" });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "events-gate-"));
  writeGenerated();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("runCheck", () => {
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
});
