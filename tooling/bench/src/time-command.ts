import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { childEnv } from "./env.ts";

export interface CommandTime {
  /** Wall ms. */
  wall: number;
  /** CPU ms (user + system) of the command and every process it waited for. */
  cpu: number;
  status: number;
  output: string;
}

/**
 * Runs a command to completion and times it with bash's `time` (wall, and the CPU of the whole
 * process tree: Node cannot see its children's CPU). Its output is kept (stdout and stderr).
 */
export function timeCommand(command: string, args: readonly string[], { cwd, env }: { cwd: string; env?: Record<string, string | undefined> }): CommandTime {
  const script = 'TIMEFORMAT="%R %U %S"; { time "$@" > "$STUDIO_BENCH_OUT" 2>&1; } 2> "$STUDIO_BENCH_OUT.time"; echo "$?" >> "$STUDIO_BENCH_OUT.time"';
  const out = path.join(tmpdir(), `studio-bench-${process.pid}-${Date.now()}`);
  spawnSync("bash", ["-c", script, "bash", command, ...args], { cwd, env: childEnv({ ...env, STUDIO_BENCH_OUT: out }), stdio: "ignore" });
  const [timeLine = "", statusLine = "1"] = readAndRemove(`${out}.time`).trim().split("\n").slice(-2);
  const [real = "0", user = "0", sys = "0"] = timeLine.trim().split(/\s+/);
  return { wall: Number(real) * 1000, cpu: (Number(user) + Number(sys)) * 1000, status: Number(statusLine), output: readAndRemove(out) };
}

function readAndRemove(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  } finally {
    rmSync(file, { force: true });
  }
}
