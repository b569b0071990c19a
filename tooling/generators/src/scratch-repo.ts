import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface ScratchRepo {
  root: string;
  remove(): void;
}

/**
 * A copy of the repository's files (tracked, plus untracked ones that are not ignored) in a temp
 * folder, committed to a fresh git repository so git-based checks (the contract gate compares with
 * HEAD) see the copy as their baseline, and with node_modules reused instead of installed: every
 * node_modules folder's own entries are copied as they are (pnpm makes them relative symlinks, so
 * workspace packages resolve inside the copy) and only the shared store, node_modules/.pnpm, is a
 * link to the original. Nothing in the original is written.
 */
export function scratchRepo(source: string): ScratchRepo {
  const root = mkdtempSync(path.join(tmpdir(), "studio-scratch-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: source, encoding: "utf8" })
    .split("\0")
    .filter((f) => f && existsSync(path.join(source, f)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    cpSync(path.join(source, file), path.join(root, file), { verbatimSymlinks: true });
  }
  for (const dir of nodeModulesDirs(source)) linkNodeModules(path.join(source, dir), path.join(root, dir));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.name=scratch", "-c", "user.email=scratch@localhost", "commit", "-q", "--no-verify", "-m", "baseline");
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Gives `target` (a new package folder in a scratch repo) the node_modules of an existing package with the same dependencies. */
export function borrowNodeModules(scratchRoot: string, fromPackage: string, toPackage: string): void {
  linkNodeModules(path.join(scratchRoot, fromPackage, "node_modules"), path.join(scratchRoot, toPackage, "node_modules"));
}

function nodeModulesDirs(source: string): string[] {
  const dirs = ["node_modules"];
  for (const group of ["apps", "packages", "tooling"]) {
    if (!existsSync(path.join(source, group))) continue;
    for (const pkg of readdirSync(path.join(source, group))) {
      if (existsSync(path.join(source, group, pkg, "node_modules"))) dirs.push(path.join(group, pkg, "node_modules"));
    }
  }
  return dirs.filter((d) => existsSync(path.join(source, d)));
}

function linkNodeModules(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry === ".vitest-cache" || entry === ".cache") continue;
    if (entry === ".pnpm") symlinkSync(realpathSync(path.join(from, entry)), path.join(to, entry));
    else cpSync(path.join(from, entry), path.join(to, entry), { recursive: true, verbatimSymlinks: true });
  }
}
