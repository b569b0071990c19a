import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { which } from "./run.ts";

/** The oldest PostgreSQL major version the harness accepts (the self-hosted engine is tested on 15). */
export const MIN_POSTGRES_MAJOR = 13;

export interface PostgresBinaries {
  /** The folder holding initdb, postgres and psql. */
  bin: string;
  /** The server's full version, e.g. "15.18". */
  version: string;
  major: number;
}

/** Folders under `parent` whose name matches `pattern`, highest version number first. */
function versionedDirs(parent: string, pattern: RegExp, suffix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(parent).filter((n) => pattern.test(n));
  } catch {
    return [];
  }
  const num = (n: string) => Number(/(\d+)/.exec(n)?.[1] ?? 0);
  return names.sort((a, b) => num(b) - num(a)).map((n) => path.join(parent, n, suffix));
}

/**
 * Finds a PostgreSQL server installation: `initdb` on PATH first (followed through symlinks, so a
 * link in /usr/local/bin leads to its real folder), then the places packages put it, where it is
 * not on PATH: Debian and Ubuntu (/usr/lib/postgresql/<major>/bin), the PGDG RPMs
 * (/usr/pgsql-<major>/bin) and Homebrew (postgresql@<major>). Highest version first.
 */
export function findPostgresBinaries(): PostgresBinaries {
  const onPath = which("initdb");
  const candidates = [
    ...(onPath ? [path.dirname(realpathSync(onPath))] : []),
    ...versionedDirs("/usr/lib/postgresql", /^\d+$/, "bin"),
    ...versionedDirs("/usr", /^pgsql-\d+$/, "bin"),
    ...versionedDirs("/opt/homebrew/opt", /^postgresql@\d+$/, "bin"),
    ...versionedDirs("/usr/local/opt", /^postgresql@\d+$/, "bin"),
  ];
  const rejected: string[] = [];
  for (const bin of candidates) {
    if (!["initdb", "postgres", "psql"].every((tool) => existsSync(path.join(bin, tool)))) continue;
    const out = spawnSync(path.join(bin, "postgres"), ["--version"], { encoding: "utf8" });
    const version = /(\d+)(?:\.(\d+))?/.exec(out.stdout ?? "");
    if (!version) continue;
    const major = Number(version[1]);
    if (major < MIN_POSTGRES_MAJOR) {
      rejected.push(`${bin} (PostgreSQL ${version[0]})`);
      continue;
    }
    return { bin, version: version[0], major };
  }
  throw new Error(
    `No PostgreSQL server (>= ${MIN_POSTGRES_MAJOR}) found: the self-hosted tests start their own cluster with initdb. ` +
      (rejected.length ? `Too old: ${rejected.join(", ")}. ` : "") +
      `Install it: Debian/Ubuntu \`sudo apt-get install postgresql\`, macOS \`brew install postgresql@15\`; ` +
      `or put the folder holding initdb, postgres and psql on PATH.`,
  );
}
