import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import GithubSlugger from "github-slugger";

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
 * package README) whose target file does not exist, or whose `#anchor` names no heading of the
 * target Markdown file (GitHub's heading ids), as "file: target".
 */
export function brokenDocLinks(root: string = repoRoot): string[] {
  const files = [
    "README.md",
    ...readdirSync(path.join(root, "docs"), { recursive: true, encoding: "utf8" }).map((f) => path.join("docs", f)),
    ...readdirSync(path.join(root, "packages")).map((p) => path.join("packages", p, "README.md")),
  ].filter((f) => f.endsWith(".md") && existsSync(path.join(root, f)));
  const anchors = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    let ids = anchors.get(file);
    if (!ids) anchors.set(file, (ids = headingIds(readFileSync(file, "utf8"))));
    return ids;
  };
  const broken: string[] = [];
  for (const file of files) {
    const absolute = path.join(root, file);
    for (const [link, target = "", anchor] of outsideCode(readFileSync(absolute, "utf8")).matchAll(/\]\(([^)#\s]*)(?:#([^)\s]*))?\)/g)) {
      if (/^[a-z]+:/i.test(target) || (!target && anchor === undefined)) continue;
      const resolved = target ? path.resolve(path.dirname(absolute), target) : absolute;
      if (!existsSync(resolved)) broken.push(`${file}: ${target}`);
      else if (anchor !== undefined && resolved.endsWith(".md") && !anchorsOf(resolved).has(decodeURIComponent(anchor))) {
        broken.push(`${file}: ${link.slice(2, -1)}`);
      }
    }
  }
  return broken;
}

/** The ids GitHub gives a Markdown file's headings (repeats get -1, -2, …). */
function headingIds(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  for (const [, heading = ""] of outsideCode(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    // A heading's id comes from its text: keep link text, drop the link target.
    ids.add(slugger.slug(heading.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")));
  }
  return ids;
}

/** The Markdown with fenced code blocks blanked (a `#` comment in a shell block is no heading). */
function outsideCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
}
