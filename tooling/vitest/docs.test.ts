import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { brokenDocCitations, brokenDocLinks, docCoverageProblems, findFunctions, undocumentedVariables } from "./docs.ts";

describe("the docs", () => {
  it("link only to files and headings that exist", () => {
    expect(brokenDocLinks()).toEqual([]);
  });

  it("are cited from code only at files and headings that exist", () => {
    expect(brokenDocCitations()).toEqual([]);
  });

  it("cover every function and every event with a runbook and a research note", () => {
    expect(findFunctions().length).toBeGreaterThan(10);
    expect(docCoverageProblems()).toEqual([]);
  });

  it("quote the gate's command as the root package.json runs it (docs/testing.md)", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const { scripts } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(readFileSync(path.join(root, "docs/testing.md"), "utf8")).toContain(`\`${scripts.test}\``);
  });

  it("report an undocumented variable", () => {
    expect(undocumentedVariables(["LOG_LEVEL", "NOT_A_REAL_VARIABLE"], ["docs/configuration.md"])).toEqual(["NOT_A_REAL_VARIABLE"]);
  });
});

describe("brokenDocLinks", () => {
  const root = mkdtempSync(path.join(tmpdir(), "docs-links-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  it("reports missing files and anchors that match no heading, and accepts GitHub's heading ids", () => {
    write("packages/events/README.md", "See [the guide](../../docs/guide.md#set-up-pnpm-dev).\n");
    write(
      "docs/guide.md",
      [
        "# Guide",
        "## Set up `pnpm dev`",
        "## FAQ",
        "## FAQ",
        "## See [the runbook](runbooks/x.md) first",
        "```sh",
        "# not-a-heading",
        "```",
        "[ok](#faq-1) [ok](#see-the-runbook-first) [ok](runbooks/x.md) [ok](https://example.com/#nope)",
        "[bad](#faq-2) [bad](#not-a-heading) [bad](missing.md) [bad](runbooks/x.md#nowhere)",
      ].join("\n"),
    );
    write("docs/runbooks/x.md", "# X\n");
    write("README.md", "[ok](docs/guide.md#guide) [bad](docs/guide.md#set-up)\n");
    expect(brokenDocLinks(root).sort()).toEqual(
      [
        "README.md: docs/guide.md#set-up",
        "docs/guide.md: #faq-2",
        "docs/guide.md: #not-a-heading",
        "docs/guide.md: missing.md",
        "docs/guide.md: runbooks/x.md#nowhere",
      ].sort(),
    );
  });
});

describe("docCoverageProblems and brokenDocCitations", () => {
  const root = mkdtempSync(path.join(tmpdir(), "docs-coverage-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const sections = (names: readonly string[], body = "text") => names.map((n) => `## ${n}\n\n${body}\n`).join("\n");
  const noteSections = ["What it does", "Where this repo applies it", "Pitfalls met here", "Checked", "Sources"];
  const runbookSections = ["Triggers", "Retries", "Failure handling and compensation", "In the Inngest dashboard", "Manual recovery"];

  it("names each gap: uncited function, function without runbook, bad runbook, uncovered event, incomplete note", () => {
    write("packages/events/src/events/thing-done.ts", 'export const thingDone = defineEvent({ name: "studio/thing.done" });\n');
    write("packages/events/src/events/other-done.ts", 'export const otherDone = defineEvent({ name: "studio/other.done" });\n');
    write("packages/events/src/events/cited-done.ts", '// docs/research/inngest/good.md#a-real-pitfall\nexport const c = defineEvent({ name: "studio/cited.done" });\n');
    write(
      "apps/worker/src/functions/good-fn.ts",
      '/**\n * Applies: docs/research/inngest/good.md#a-real-pitfall\n */\nexport const f = inngest.createFunction({ id: "good-fn" }, () => 1);\n',
    );
    write("apps/worker/src/functions/uncited-fn.ts", 'export const f = inngest.createFunction({ id: functionIds.uncitedFn }, () => 1);\n');
    write(
      "apps/worker/src/functions/renamed.ts",
      '// docs/research/inngest/good.md#a-real-pitfall\nexport const f = inngest.createFunction({ id: "something-else" }, () => 1);\n',
    );
    write("apps/worker/src/functions/good-fn.test.ts", "inngest.createFunction({ id: 'not-a-function' })\n");
    write(
      "apps/worker/src/client.ts",
      "// see docs/research/inngest/good.md#no-such-heading and docs/research/inngest/missing.md\n",
    );
    write("docs/runbooks/good.md", `# Runbook: good (\`good-fn\`, \`uncited-fn\`)\n\n${sections(runbookSections, "`studio/thing.done` `studio/cited.done`")}`);
    write("docs/runbooks/bad.md", `# Runbook: bad (\`renamed\`)\n\n${sections(["Triggers", "Manual recovery", "Retries"])}`);
    write("docs/runbooks/topic.md", "# Runbook: a topic (`SOME_VARIABLE`)\n\n## Anything\n");
    write(
      "docs/research/inngest/good.md",
      `# Good\n\n${sections(noteSections.slice(0, 2), "`studio/thing.done`")}\n## Pitfalls met here\n\n### A real pitfall\n\nPinned by \`apps/x/src/x.test.ts\`.\n\n### An unpinned pitfall\n\nJust words.\n\n### An admitted one\n\nNo test pins this.\n\n${sections(noteSections.slice(3))}`,
    );
    write("docs/research/inngest/thin.md", "# Thin\n\n## What it does\n");
    write("docs/research/inngest/references.md", "# Index\n\n[good](good.md)\n");

    expect(findFunctions(root).map((f) => f.id)).toEqual(["good-fn", "renamed", "uncited-fn"]);
    expect(docCoverageProblems(root).sort()).toEqual(
      [
        'docs/runbooks/bad.md: missing section(s) "## Failure handling and compensation", "## In the Inngest dashboard"',
        'apps/worker/src/functions/renamed.ts: function id "something-else" does not match the file name (one function per file, named after its id)',
        "apps/worker/src/functions/uncited-fn.ts: function uncited-fn cites no research note section (docs/research/inngest/<note>.md#<heading>)",
        "event studio/other.done is named in no runbook (docs/runbooks/)",
        "event studio/other.done is named in no research note (docs/research/inngest/) and its definition cites none",
        'docs/research/inngest/good.md: pitfall "An unpinned pitfall" names no test that pins it (a *.test.ts path, or say "No test pins this")',
        'docs/research/inngest/thin.md: missing section(s) "## Where this repo applies it", "## Pitfalls met here", "## Checked", "## Sources"',
        "docs/research/inngest/references.md: does not link thin.md",
      ].sort(),
    );
    expect(brokenDocCitations(root).sort()).toEqual(
      ["apps/worker/src/client.ts: docs/research/inngest/good.md#no-such-heading", "apps/worker/src/client.ts: docs/research/inngest/missing.md"].sort(),
    );
  });

  it("reports runbook sections out of order", () => {
    write("docs/runbooks/bad.md", `# Runbook: bad (\`renamed\`)\n\n${sections([...runbookSections].reverse())}`);
    expect(docCoverageProblems(root)).toContain(
      "docs/runbooks/bad.md: sections out of order (want Triggers, Retries, Failure handling and compensation, In the Inngest dashboard, Manual recovery)",
    );
  });
});
