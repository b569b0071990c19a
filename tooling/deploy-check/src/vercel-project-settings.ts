import { readFileSync } from "node:fs";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../../..");
const DOC = "docs/deploy/vercel.md";

/** One Vercel project as docs/deploy/vercel.md prescribes it ("One project per app"). */
export interface VercelProjectSettings {
  project: string;
  /** Relative to the repository root, e.g. "apps/worker". */
  rootDirectory: string;
  framework: string;
  nodeVersion: string;
  sourceFilesOutsideRootDirectory: boolean;
}

/**
 * The project settings table of docs/deploy/vercel.md, read row by row: the deploy check builds
 * each app with exactly what a team is told to enter in the Vercel dashboard.
 */
export function vercelProjectSettings(root: string = repoRoot): VercelProjectSettings[] {
  const rows = readFileSync(path.join(root, DOC), "utf8")
    .split("\n")
    .map((line) => /^\| `(studio-[a-z]+)` \| `([^`]+)` \| `([^`]+)` \| `([^`]+)` \| (on|off) \|/.exec(line))
    .filter((m) => m !== null);
  if (rows.length === 0) throw new Error(`${DOC} has no project settings rows (| \`studio-…\` | \`apps/…\` | \`framework\` | \`24.x\` | on |)`);
  return rows.map(([, project, rootDirectory, framework, nodeVersion, outside]) => ({
    project: project!,
    rootDirectory: rootDirectory!,
    framework: framework!,
    nodeVersion: nodeVersion!,
    sourceFilesOutsideRootDirectory: outside === "on",
  }));
}

/** The settings of the project rooted at `rootDirectory` ("apps/worker"); throws when the doc has none. */
export function settingsFor(rootDirectory: string, root: string = repoRoot): VercelProjectSettings {
  const found = vercelProjectSettings(root).find((s) => s.rootDirectory === rootDirectory);
  if (!found) throw new Error(`${DOC} prescribes no Vercel project for ${rootDirectory}`);
  return found;
}
