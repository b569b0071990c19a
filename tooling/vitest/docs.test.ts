import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { brokenDocLinks, undocumentedVariables } from "./docs.ts";

describe("the docs", () => {
  it("link only to files and headings that exist", () => {
    expect(brokenDocLinks()).toEqual([]);
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
