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

/** Where source files are searched for doc citations and Inngest functions (generated and installed folders, and tests, skipped). */
const SOURCE_ROOTS = ["apps", "packages", "tooling"];
const SKIPPED_DIRS = new Set(["node_modules", "dist", ".next", ".turbo", "test-results", ".vercel", "fixtures"]);

function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(path.join(root, dir))) return;
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(rel);
      } else if (/\.(ts|tsx|js)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        out.push(rel);
      }
    }
  };
  for (const dir of SOURCE_ROOTS) walk(dir);
  return out.sort();
}

/**
 * Doc paths cited in source files (`docs/…/x.md` or `docs/…/x.md#heading`, e.g. a function
 * header citing `docs/research/inngest/wait-for-an-event.md#timeout-means-null-not-an-error`)
 * whose file does not exist or whose heading is not one of the file's headings, as
 * "file: citation". Citations are read from the whole file; in practice they sit in comments.
 */
export function brokenDocCitations(root: string = repoRoot): string[] {
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(path.join(root, file), "utf8");
    for (const [citation, target = "", anchor] of text.matchAll(/(?<![\w/.-])(docs\/[\w./-]+\.md)(?:#([\w-]+))?/g)) {
      const absolute = path.join(root, target);
      if (!existsSync(absolute)) {
        broken.push(`${file}: ${citation}`);
        continue;
      }
      if (anchor === undefined) continue;
      let headings = ids.get(absolute);
      if (!headings) ids.set(absolute, (headings = headingIds(readFileSync(absolute, "utf8"))));
      if (!headings.has(anchor)) broken.push(`${file}: ${citation}`);
    }
  }
  return broken;
}

/** An Inngest function found in an app's sources: `createFunction` in `apps/<app>/src/…/<id>.ts`. */
export interface FoundFunction {
  app: string;
  id: string;
  file: string;
}

/**
 * Every Inngest function defined in `apps/*\/src` (tests and test helpers excluded). By the
 * repo's convention a function lives in a file named after its id (`intake-brief.ts` defines
 * `intake-brief`); an `id:` that says otherwise is reported by `docCoverageProblems`.
 */
export function findFunctions(root: string = repoRoot): FoundFunction[] {
  return sourceFiles(root)
    .filter((file) => /^apps\/[^/]+\/(src|app)\//.test(file) && !/\/(testing|e2e)\//.test(file))
    .filter((file) => /\.createFunction\(/.test(readFileSync(path.join(root, file), "utf8")))
    .map((file) => ({ app: file.split("/")[1] ?? "", id: path.basename(file).replace(/\.tsx?$/, ""), file }));
}

/** Every event name of the contract, read from `packages/events/src/events/*.ts` (`name: "…"`). */
export function contractEventNames(root: string = repoRoot): string[] {
  const dir = path.join(root, "packages/events/src/events");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/\bname:\s*"([^"]+)"/g)].map((m) => m[1] ?? ""))
    .sort();
}

/** The sections every runbook that covers functions has, in this order. */
export const RUNBOOK_SECTIONS = [
  "Triggers",
  "Retries",
  "Failure handling and compensation",
  "In the Inngest dashboard",
  "Manual recovery",
] as const;

/** The sections every research note has. */
export const NOTE_SECTIONS = ["What it does", "Where this repo applies it", "Pitfalls met here", "Checked", "Sources"] as const;

const NOTES_DIR = "docs/research/inngest";

function markdownFiles(root: string, dir: string): string[] {
  const absolute = path.join(root, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute)
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join(dir, f))
    .sort();
}

function h2Titles(markdown: string): string[] {
  return [...outsideCode(markdown).matchAll(/^##[ \t]+(.+?)[ \t#]*$/gm)].map((m) => m[1] ?? "");
}

/**
 * What keeps functions, events, runbooks and research notes tied together, as a list of problems
 * (empty when all is well):
 * - every function (see `findFunctions`) has an `id` matching its file name, cites at least one
 *   research-note section (`docs/research/inngest/<note>.md#<heading>`), and is named in
 *   backticks in the title of a runbook (`# Runbook: … (\`intake-brief\`, …)`);
 * - every runbook whose title names functions has the `RUNBOOK_SECTIONS`, in order;
 * - every contract event is named in backticks in at least one runbook, and in a research note or
 *   its definition file cites a note section (as generated events do);
 * - every research note has the `NOTE_SECTIONS`, in order; each pitfall (a `###` under
 *   "Pitfalls met here") names the test that pins it (a `*.test.ts` path) or says
 *   "No test pins this"; and `references.md` links every note.
 */
export function docCoverageProblems(root: string = repoRoot): string[] {
  const problems: string[] = [];
  const runbooks = markdownFiles(root, "docs/runbooks").map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));
  const notes = markdownFiles(root, NOTES_DIR)
    .filter((file) => path.basename(file) !== "references.md")
    .map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));
  const functions = findFunctions(root);
  const functionIds = new Set(functions.map((fn) => fn.id));
  const covered = new Set<string>();

  for (const { file, text } of runbooks) {
    const title = /^#[ \t]+(.+)$/m.exec(outsideCode(text))?.[1] ?? "";
    const named = [...title.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "").filter((id) => functionIds.has(id));
    if (named.length === 0) continue;
    named.forEach((id) => covered.add(id));
    const sections = h2Titles(text);
    const positions = RUNBOOK_SECTIONS.map((s) => sections.indexOf(s));
    const missing = RUNBOOK_SECTIONS.filter((_, i) => positions[i] === -1);
    if (missing.length) problems.push(`${file}: missing section(s) ${missing.map((s) => `"## ${s}"`).join(", ")}`);
    else if (positions.some((p, i) => i > 0 && p < (positions[i - 1] ?? 0))) {
      problems.push(`${file}: sections out of order (want ${RUNBOOK_SECTIONS.join(", ")})`);
    }
  }

  for (const fn of functions) {
    const text = readFileSync(path.join(root, fn.file), "utf8");
    const declared = /\bid:\s*(?:"([^"]+)"|functionIds\.(\w+))/.exec(text);
    const declaredId = declared?.[1] ?? declared?.[2]?.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (declaredId !== undefined && declaredId !== fn.id) {
      problems.push(`${fn.file}: function id "${declaredId}" does not match the file name (one function per file, named after its id)`);
    }
    if (!new RegExp(`${NOTES_DIR}/[\\w-]+\\.md#[\\w-]+`).test(text)) {
      problems.push(`${fn.file}: function ${fn.id} cites no research note section (${NOTES_DIR}/<note>.md#<heading>)`);
    }
    if (!covered.has(fn.id)) problems.push(`${fn.file}: function ${fn.id} is named in no runbook title (docs/runbooks/)`);
  }

  const runbookText = runbooks.map((r) => r.text).join("\n");
  const noteText = notes.map((n) => n.text).join("\n");
  const eventsDir = path.join(root, "packages/events/src/events");
  const eventSources = existsSync(eventsDir)
    ? readdirSync(eventsDir)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .map((f) => readFileSync(path.join(eventsDir, f), "utf8"))
    : [];
  const citesNote = new RegExp(`${NOTES_DIR}/[\\w-]+\\.md#[\\w-]+`);
  for (const name of contractEventNames(root)) {
    if (!runbookText.includes(`\`${name}\``)) problems.push(`event ${name} is named in no runbook (docs/runbooks/)`);
    const definedWithCitation = eventSources.some((src) => src.includes(`name: "${name}"`) && citesNote.test(src));
    if (!noteText.includes(`\`${name}\``) && !definedWithCitation) {
      problems.push(`event ${name} is named in no research note (${NOTES_DIR}/) and its definition cites none`);
    }
  }

  const references = path.join(root, NOTES_DIR, "references.md");
  const index = existsSync(references) ? readFileSync(references, "utf8") : "";
  for (const { file, text } of notes) {
    const name = path.basename(file);
    const sections = h2Titles(text);
    const positions = NOTE_SECTIONS.map((s) => sections.indexOf(s));
    const missing = NOTE_SECTIONS.filter((_, i) => positions[i] === -1);
    if (missing.length) problems.push(`${file}: missing section(s) ${missing.map((s) => `"## ${s}"`).join(", ")}`);
    else if (positions.some((p, i) => i > 0 && p < (positions[i - 1] ?? 0))) {
      problems.push(`${file}: sections out of order (want ${NOTE_SECTIONS.join(", ")})`);
    }
    const pitfalls = /^## Pitfalls met here\s*$([\s\S]*?)(?=^## )/m.exec(outsideCode(text))?.[1] ?? "";
    for (const [, heading = "", body = ""] of pitfalls.matchAll(/^###[ \t]+(.+)$([\s\S]*?)(?=^### |(?![\s\S]))/gm)) {
      if (!/[\w/.-]+\.test\.tsx?/.test(body) && !/No test pins this/.test(body)) {
        problems.push(`${file}: pitfall "${heading}" names no test that pins it (a *.test.ts path, or say "No test pins this")`);
      }
    }
    if (!index.includes(`](${name})`)) problems.push(`${NOTES_DIR}/references.md: does not link ${name}`);
  }
  return problems;
}
