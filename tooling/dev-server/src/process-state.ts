import { readFileSync } from "node:fs";

/** A process's start time (clock ticks since boot) on Linux, else null: with the pid, it tells a reused pid apart. */
export function processStartTime(pid: number | "self"): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null; // field 22: starttime
  } catch {
    return null;
  }
}

/**
 * Is `pid` a live process? A zombie (exited, not yet reaped: common in containers whose init does
 * not reap promptly) is not.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no /proc (not Linux): the signal check is all there is
  }
}

