import { execFileSync } from "node:child_process";
import { type JsonSchema } from "../json-schema/types.ts";

const git = (cwd: string, args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });

/**
 * Loads the snapshot as committed at `ref` (e.g. `HEAD`, `origin/main`). `schemasDir` is the
 * repository-relative folder, e.g. `packages/events/schemas`. Returns undefined when there is no
 * git repository, no such ref, or no snapshot at that ref (nothing to compare with yet).
 */
export function readSnapshotGit(repoRoot: string, ref: string, schemasDir: string): Map<string, JsonSchema> | undefined {
  try {
    git(repoRoot, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    return undefined;
  }
  const listing = git(repoRoot, ["ls-tree", "-r", "--name-only", ref, "--", `${schemasDir}/`]);
  const files = listing.split("\n").filter((file) => file.endsWith(".json"));
  if (files.length === 0) return undefined;
  const snapshot = new Map<string, JsonSchema>();
  for (const file of files) {
    snapshot.set(file.slice(schemasDir.length + 1), JSON.parse(git(repoRoot, ["show", `${ref}:${file}`])) as JsonSchema);
  }
  return snapshot;
}
