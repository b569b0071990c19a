import { commitOf, git } from "./git.ts";

export type ResolvedBase =
  /**
   * Compare with `ref`; `note` says why it is not the ref asked for. `ref` is undefined when the
   * base is the repository's first commit: there is nothing before it to break.
   */
  | { readonly ok: true; readonly ref: string | undefined; readonly note?: string }
  /** Nothing can be compared: `problem` says why and how to fix it. */
  | { readonly ok: false; readonly problem: string };

const FETCH_HINT =
  "`git fetch --no-tags --depth=1 origin +refs/heads/main:refs/remotes/origin/main` (`.ci/run` does this), " +
  "or set EVENTS_BASE_REF to a ref this clone has";

/**
 * The commit the compatibility gate must compare with in CI: the base branch (`origin/main`, or
 * EVENTS_BASE_REF). When the checkout *is* the base (CI on main itself) comparing with it would
 * compare the change with itself, so the base's first parent is used: what main was before.
 *
 * A base that is not in the clone is a failure, not a skipped comparison: the other comparisons
 * (the committed snapshot, HEAD) already contain a breaking change that was committed together with
 * its regenerated schemas, so without the base such a change would pass.
 */
export function resolveBase(repoRoot: string, base: string): ResolvedBase {
  const baseCommit = commitOf(repoRoot, base);
  if (!baseCommit) {
    const shallow = git(repoRoot, ["rev-parse", "--is-shallow-repository"])?.trim() === "true";
    return {
      ok: false,
      problem:
        `the base ${base} is not in this clone${shallow ? " (a shallow clone)" : ""}, so the gate cannot tell whether ` +
        `this change breaks the contract as the base has it. Fix: ${FETCH_HINT}.`,
    };
  }
  if (baseCommit !== commitOf(repoRoot, "HEAD")) return { ok: true, ref: base };
  const parent = `${base}^`;
  if (commitOf(repoRoot, parent)) return { ok: true, ref: parent, note: `HEAD is ${base} itself: compared with its parent` };
  const shallow = git(repoRoot, ["rev-parse", "--is-shallow-repository"])?.trim() === "true";
  if (!shallow) return { ok: true, ref: undefined, note: `${base} is the repository's first commit: nothing before it to compare with` };
  return {
    ok: false,
    problem: `HEAD is ${base} itself and its parent is not in this shallow clone. Fix: \`git fetch --no-tags --deepen=1 origin\` (\`.ci/run\` does this).`,
  };
}
