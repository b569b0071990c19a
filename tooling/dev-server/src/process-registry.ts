import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { captureOutput } from "./capture-output.ts";
import { toolingEnv } from "./env.ts";
import { isRunning } from "./process-state.ts";

/**
 * Every process group the harness starts (apps, Dev Servers) is recorded with the PID of the
 * process that owns it. Groups are killed when their owner exits normally or by a signal; if the
 * owner dies too hard for that (SIGKILL, a crashed test runner), the next harness start finds
 * the record, sees the owner is gone and kills the orphaned group. So no run leaves servers
 * behind for the next one to trip over.
 */
const dir = path.join(toolingEnv.toolsDir, "running");
const mine = new Map<number, string>();

/**
 * Spawns a long-running process (an app, a Dev Server) as the leader of its own process group,
 * recorded here so it cannot outlive its owner, and keeps its output (see captureOutput).
 */
export function spawnGroup(
  what: string,
  cmd: string,
  args: string[],
  opts: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    onLog?: (line: string) => void;
    /** Run as this user instead (a root harness starting a server that refuses root, e.g. Postgres). */
    user?: { uid: number; gid: number };
  },
): { child: ChildProcess; logs: () => string } {
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    ...(opts.user ? { uid: opts.user.uid, gid: opts.user.gid } : {}),
  });
  registerGroup(child, what);
  return { child, logs: captureOutput(child, opts.onLog) };
}

/**
 * `signal` (default SIGTERM) to the whole process group, SIGKILL after `graceMs` (default 5 s);
 * resolves when the leader has exited. Postgres wants SIGINT (its "fast" shutdown: SIGTERM waits
 * for clients to leave); `graceMs: 0` is a hard kill, as a crash would be.
 */
export async function killGroup(child: ChildProcess, opts: { signal?: NodeJS.Signals; graceMs?: number } = {}): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    unregisterGroup(child);
    return;
  }
  const exited = new Promise((r) => child.once("exit", r));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  signal(opts.graceMs === 0 ? "SIGKILL" : (opts.signal ?? "SIGTERM"));
  const timer = setTimeout(() => signal("SIGKILL"), opts.graceMs ?? 5000);
  await exited;
  clearTimeout(timer);
  signal("SIGKILL"); // children that ignored SIGTERM after the leader left
  unregisterGroup(child);
}

function registerGroup(child: ChildProcess, what: string): void {
  if (child.pid === undefined) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${child.pid}.json`), JSON.stringify({ owner: process.pid, what }));
  mine.set(child.pid, what);
  installExitHook();
}

function unregisterGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  mine.delete(child.pid);
  rmSync(path.join(dir, `${child.pid}.json`), { force: true });
}

/** Kills groups whose owner process no longer exists. Returns what it killed. */
export function reapOrphans(): string[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  const reaped: string[] = [];
  for (const file of files) {
    const pgid = Number(file.replace(".json", ""));
    try {
      const { owner, what } = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { owner: number; what: string };
      if (isRunning(owner)) continue;
      if (alive(-pgid)) {
        process.kill(-pgid, "SIGKILL");
        reaped.push(`${what} (group ${pgid})`);
      }
    } catch {
      /* unreadable record: drop it */
    }
    rmSync(path.join(dir, file), { force: true });
  }
  if (reaped.length) process.stderr.write(`[dev-server] stopped processes left by an earlier run: ${reaped.join(", ")}\n`);
  return reaped;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

let hooked = false;
function installExitHook() {
  if (hooked) return;
  hooked = true;
  const killMine = () => {
    for (const pgid of mine.keys()) {
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        /* already gone */
      }
      rmSync(path.join(dir, `${pgid}.json`), { force: true });
    }
    mine.clear();
  };
  process.once("exit", killMine);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      killMine();
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[signal]);
    });
  }
}
