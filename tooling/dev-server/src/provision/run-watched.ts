import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { networkEnv, toolingEnv } from "../env.ts";
import { killGroup, spawnGroup } from "../process-registry.ts";

export interface WatchedCommand {
  /** What the step does, as the log and the error name it ("install the Dev Server UI's dependencies"). */
  step: string;
  cmd: string;
  args: string[];
  cwd?: string;
  /** The child's environment; the network settings (networkEnv) are always added to it. */
  env?: NodeJS.ProcessEnv;
  /** No output and no CPU or I/O progress for this long means the command is stuck. Default: toolingEnv.provisionIdleMs. */
  idleMs?: number;
  /** Upper bound for one attempt, however busy it looks. */
  timeoutMs: number;
  /** Tries in all, stalls and failures alike (default 3). */
  attempts?: number;
  /** Wait before the first retry; doubles each time (default 5 s, or a quarter of a shorter idleMs). */
  backoffMs?: number;
  /** Where progress lines go (default: stderr with the tooling's prefix). */
  log?: (line: string) => void;
  /** Also write the command's output to ours as it comes (default: keep it for the error only). */
  passThrough?: boolean;
}

export interface Attempt {
  outcome: "failed" | "stalled" | "timed out";
  detail: string;
  seconds: number;
}

/** A step that failed or stalled on every try: names the step, each try, the last output and the fixes. */
export class StepFailedError extends Error {
  readonly step: string;
  readonly tries: Attempt[];
  readonly lastOutput: string;
  constructor(step: string, tries: Attempt[], lastOutput: string) {
    super(
      `Could not ${step}: ${tries.length} ${tries.length === 1 ? "try" : "tries"}, all unsuccessful:\n` +
        tries.map((t, i) => `  ${i + 1}. ${t.outcome} after ${t.seconds} s: ${t.detail}`).join("\n") +
        (lastOutput ? `\nLast output:\n${indent(lastOutput)}` : "\nIt printed nothing."),
    );
    this.name = "StepFailedError";
    this.step = step;
    this.tries = tries;
    this.lastOutput = lastOutput;
  }
}

const indent = (text: string) =>
  text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");

/**
 * Runs a long command (a download, an install, a compile) and watches it: a command that prints
 * nothing and uses no CPU and does no I/O for `idleMs` is stuck — pnpm behind a TLS proxy it does
 * not trust waits forever rather than failing — so it is killed (with its whole process group)
 * and tried again after a backoff, up to `attempts` times. A failed exit is retried the same way
 * (network errors are the usual cause). Resolves with stdout; rejects with StepFailedError.
 * The process group is registered with the harness's registry, so a provisioning run that is
 * itself killed leaves nothing running for long: the next run reaps it.
 */
export async function runWatched(command: WatchedCommand): Promise<{ stdout: string }> {
  const attempts = command.attempts ?? 3;
  const idleMs = command.idleMs ?? toolingEnv.provisionIdleMs;
  const say = command.log ?? ((line: string) => process.stderr.write(`[provision] ${line}\n`));
  const tries: Attempt[] = [];
  let lastOutput = "";
  for (let n = 1; n <= attempts; n++) {
    if (n > 1) {
      const wait = (command.backoffMs ?? Math.min(5_000, idleMs / 4)) * 2 ** (n - 2);
      say(`${command.step}: try ${n} of ${attempts} in ${Math.round(wait / 1000)} s`);
      await new Promise((r) => setTimeout(r, wait));
    }
    const result = await runOnce({ ...command, idleMs }, say);
    if (result.outcome === "ok") return { stdout: result.stdout };
    lastOutput = lastLines(result.output, 15);
    tries.push({ outcome: result.outcome, detail: result.detail, seconds: result.seconds });
    say(`${command.step}: ${result.outcome} after ${result.seconds} s (${result.detail})`);
  }
  throw new StepFailedError(command.step, tries, lastOutput);
}

type Outcome = { outcome: "ok"; stdout: string } | { outcome: Attempt["outcome"]; detail: string; output: string; seconds: number };

async function runOnce(command: WatchedCommand & { idleMs: number }, say: (line: string) => void): Promise<Outcome> {
  const idleMs = command.idleMs;
  const started = Date.now();
  let stdout = "";
  let outputBytes = 0;
  const { child, logs } = spawnGroup(command.step, command.cmd, command.args, {
    cwd: command.cwd ?? process.cwd(),
    env: { ...command.env, ...networkEnv() },
    onLog: () => {},
  });
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
    outputBytes += d.length;
    if (command.passThrough) process.stdout.write(d);
  });
  child.stderr?.on("data", (d: Buffer) => {
    outputBytes += d.length;
    if (command.passThrough) process.stderr.write(d);
  });

  // Progress = new output, or CPU time, or bytes read/written by any process of the group.
  let mark = { output: 0, usage: groupUsage(child.pid) };
  let lastProgress = Date.now();
  let lastBeat = Date.now();
  let verdict: { outcome: "stalled" | "timed out"; detail: string } | undefined;
  const sampleMs = Math.max(200, Math.min(5_000, idleMs / 4, command.timeoutMs / 4));
  const timer = setInterval(() => {
    const now = Date.now();
    const usage = groupUsage(child.pid);
    const moved =
      outputBytes > mark.output ||
      (usage && mark.usage && (usage.cpuTicks - mark.usage.cpuTicks >= 3 || usage.ioBytes - mark.usage.ioBytes >= 4096));
    if (moved) {
      lastProgress = now;
      mark = { output: outputBytes, usage };
    }
    if (now - lastProgress >= idleMs) {
      verdict = { outcome: "stalled", detail: `no output and no CPU or I/O progress for ${Math.round(idleMs / 1000)} s` };
    } else if (now - started >= command.timeoutMs) {
      verdict = { outcome: "timed out", detail: `still running at the ${Math.round(command.timeoutMs / 1000)} s limit` };
    }
    if (verdict) {
      clearInterval(timer);
      void killGroup(child);
    } else if (now - lastBeat >= 30_000) {
      lastBeat = now;
      const last = lastLines(logs(), 1).slice(0, 160);
      say(`${command.step}: ${Math.round((now - started) / 1000)} s${last ? ` — ${last}` : ""}`);
    }
  }, sampleMs);

  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once("error", (error) => resolve({ code: null, signal: null, error }));
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
  clearInterval(timer);
  await killGroup(child);
  try {
    process.kill(-child.pid!, "SIGKILL"); // whatever the command left running in its group
  } catch {
    /* nothing left */
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  if (verdict) return { ...verdict, output: logs(), seconds };
  if (exit.code === 0) return { outcome: "ok", stdout };
  const detail = exit.error
    ? `could not start ${path.basename(command.cmd)}: ${exit.error.message}`
    : `${path.basename(command.cmd)} ${command.args.slice(0, 3).join(" ")} exited with ${exit.signal ?? `code ${exit.code}`}`;
  return { outcome: "failed", detail, output: logs(), seconds };
}

function lastLines(text: string, count: number): string {
  return text
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim())
    .slice(-count)
    .join("\n");
}

/**
 * CPU ticks and I/O bytes of every process in a process group, from /proc (Linux). Elsewhere
 * undefined: stalls are then told by output alone (the commands run here print as they go).
 */
function groupUsage(pgid: number | undefined): { cpuTicks: number; ioBytes: number } | undefined {
  if (pgid === undefined || process.platform !== "linux") return undefined;
  let cpuTicks = 0;
  let ioBytes = 0;
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after "(comm)": state, ppid, pgrp, …; utime, stime, cutime, cstime are 14-17.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      cpuTicks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
      const io = readFileSync(`/proc/${entry}/io`, "utf8");
      for (const key of ["rchar", "wchar"]) ioBytes += Number(new RegExp(`^${key}: (\\d+)`, "m").exec(io)?.[1] ?? 0);
    } catch {
      /* the process ended while we looked */
    }
  }
  return { cpuTicks, ioBytes };
}
