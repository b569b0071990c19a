import { type JsonSchema } from "../json-schema/types.ts";
import { commitOf, git } from "./git.ts";

export type GitSnapshot =
  | { readonly kind: "found"; readonly snapshot: Map<string, JsonSchema> }
  /** The ref (or git itself) is not available in this clone. */
  | { readonly kind: "missing-ref" }
  /** The ref exists but holds no schemas: the contract did not exist yet. */
  | { readonly kind: "no-snapshot" };

/**
 * Loads the snapshot as committed at `ref` (e.g. `HEAD`, `origin/main`). `schemasDir` is the
 * repository-relative folder, e.g. `packages/events/schemas`.
 */
export function readSnapshotGit(repoRoot: string, ref: string, schemasDir: string): GitSnapshot {
  if (!commitOf(repoRoot, ref)) return { kind: "missing-ref" };
  const listing = git(repoRoot, ["ls-tree", "-r", "--name-only", ref, "--", `${schemasDir}/`]) ?? "";
  const files = listing.split("\n").filter((file) => file.endsWith(".json"));
  if (files.length === 0) return { kind: "no-snapshot" };
  const snapshot = new Map<string, JsonSchema>();
  for (const file of files) {
    const text = git(repoRoot, ["show", `${ref}:${file}`]);
    if (text === undefined) return { kind: "missing-ref" };
    snapshot.set(file.slice(schemasDir.length + 1), JSON.parse(text) as JsonSchema);
  }
  return { kind: "found", snapshot };
}
