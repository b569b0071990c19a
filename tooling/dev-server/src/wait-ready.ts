import type { ChildProcess } from "node:child_process";

/**
 * Polls `url` until it answers 2xx (or what `ready` accepts). Fails, with the end of the process's log, when the process
 * exits first, when `problem` finds a fatal one (its message is the error), or after `timeoutMs`.
 */
export async function waitUntilReady(
  url: string,
  child: ChildProcess,
  opts: {
    timeoutMs: number;
    intervalMs: number;
    logs: () => string;
    exited: (code: number) => string;
    timedOut: string;
    problem?: () => string | undefined;
    /** Which answers mean "ready" (default: any 2xx). */
    ready?: (status: number) => boolean;
  },
): Promise<void> {
  const until = Date.now() + opts.timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${opts.exited(child.exitCode)}:\n${opts.logs().slice(-3000)}`);
    const problem = opts.problem?.();
    if (problem) throw new Error(problem);
    try {
      const res = await fetch(url);
      if (opts.ready ? opts.ready(res.status) : res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs));
  }
  throw new Error(`${opts.timedOut}:\n${opts.logs().slice(-3000)}`);
}
