import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A temp folder for a server's data (a Postgres cluster, a Redis dump), named after the process
 * that owns it: `stop()` removes it, and when the owner died too hard for that (a SIGKILLed test
 * runner, whose servers the process registry then kills), the next call for the same kind removes
 * it, so crashed runs do not fill /tmp with clusters.
 */
export function ownedTempDir(kind: string): string {
  const prefix = `studio-${kind}-`;
  for (const name of safeReaddir(tmpdir())) {
    const owner = Number(name.slice(prefix.length).split("-")[0]);
    if (name.startsWith(prefix) && owner && owner !== process.pid && !alive(owner)) {
      rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
    }
  }
  return mkdtempSync(path.join(tmpdir(), `${prefix}${process.pid}-`));
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
