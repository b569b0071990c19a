import { execFileSync } from "node:child_process";

/** Runs git in `cwd` and returns its stdout, or undefined when git fails (no repository, unknown ref). */
export function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The commit a ref names, or undefined when this clone does not have it. */
export function commitOf(cwd: string, ref: string): string | undefined {
  return git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])?.trim() || undefined;
}
