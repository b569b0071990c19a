import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { isRunning, processStartTime } from "../process-state.ts";

/** Who holds a lock: enough to tell, on the same machine, whether that process still runs. */
export interface LockOwner {
  pid: number;
  /** The process's start time (clock ticks since boot, from /proc): a reused pid has another. */
  started: string | null;
  host: string;
  since: string;
  what: string;
}

function ownerRunning(owner: LockOwner): boolean {
  // Same pid, different start time: the owner died and the pid was reused.
  return isRunning(owner.pid) && (owner.started === null || processStartTime(owner.pid) === owner.started);
}

function readOwner(lockDir: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path.join(lockDir, "owner.json"), "utf8")) as LockOwner;
  } catch {
    return undefined;
  }
}

const sameOwner = (a: LockOwner | undefined, b: LockOwner | undefined) => !!a && !!b && a.pid === b.pid && a.started === b.started && a.host === b.host;

/**
 * A cross-process lock (a folder: mkdir is atomic) that records its owner. A waiter whose owner
 * is gone — crashed, SIGKILLed, its pid reused since — takes the lock at once instead of waiting
 * out a timeout. Owners on another host (a tools folder on a shared disk) cannot be checked, so
 * their locks count as stale only after `staleAfterMs`. Resolves with the release function.
 */
export async function acquireOwnedLock(
  lockDir: string,
  opts: { what: string; log: (line: string) => void; staleAfterMs?: number; pollMs?: number },
): Promise<() => void> {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const me: LockOwner = { pid: process.pid, started: processStartTime("self"), host: hostname(), since: new Date().toISOString(), what: opts.what };
  const waitStarted = Date.now();
  let lastNotice = 0;
  for (;;) {
    try {
      mkdirSync(lockDir);
      const file = path.join(lockDir, "owner.json");
      writeFileSync(`${file}.tmp`, JSON.stringify(me));
      renameSync(`${file}.tmp`, file);
      return () => {
        if (sameOwner(readOwner(lockDir), me)) rmSync(lockDir, { recursive: true, force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(lockDir);
    const age = lockAge(lockDir);
    const gone = owner
      ? owner.host === me.host
        ? !ownerRunning(owner)
        : age > (opts.staleAfterMs ?? 40 * 60_000)
      : age > 10_000; // created but never given an owner: its creator died in between
    if (gone) {
      takeOver(lockDir, owner, opts.log);
      continue;
    }
    if (Date.now() - lastNotice >= 30_000) {
      lastNotice = Date.now();
      const who = owner ? `pid ${owner.pid} on ${owner.host}, since ${owner.since}` : "a process that is starting";
      opts.log(`waiting for ${who}, which is providing ${opts.what} (${Math.round((Date.now() - waitStarted) / 1000)} s so far)`);
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
  }
}

function lockAge(lockDir: string): number {
  try {
    return Date.now() - statSync(lockDir).mtimeMs;
  } catch {
    return 0; // vanished: the next mkdir will tell
  }
}

/**
 * Moves a dead owner's lock aside (rename is atomic, so of several waiters only one moves it),
 * then checks that what it moved is still that owner's: if a live process took the lock in the
 * meantime, its lock is put back.
 */
function takeOver(lockDir: string, dead: LockOwner | undefined, log: (line: string) => void): void {
  const aside = `${lockDir}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(lockDir, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = readOwner(aside);
  if (dead ? sameOwner(moved, dead) : !moved) {
    rmSync(aside, { recursive: true, force: true });
    log(dead ? `took over the lock of pid ${dead.pid} (${dead.what}), which is no longer running` : "took over a lock that was never completed");
    return;
  }
  try {
    renameSync(aside, lockDir);
  } catch {
    rmSync(aside, { recursive: true, force: true });
  }
}
