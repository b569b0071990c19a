import type { ChildProcess } from "node:child_process";

/**
 * Resolves once the process's output (read through `logs`) matches `ready`. Fails with the end of
 * that output when the process exits first or after `timeoutMs`. For servers that say when they
 * are ready but have no HTTP endpoint to poll (Postgres, Redis).
 */
export async function waitForLog(
  child: ChildProcess,
  logs: () => string,
  opts: { ready: RegExp; what: string; timeoutMs: number; from?: number },
): Promise<void> {
  const until = Date.now() + opts.timeoutMs;
  while (!opts.ready.test(logs().slice(opts.from ?? 0))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${opts.what} exited (${child.signalCode ?? `code ${child.exitCode}`}) before it was ready:\n${logs().slice(-3000)}`);
    }
    if (Date.now() > until) throw new Error(`${opts.what} was not ready within ${opts.timeoutMs} ms:\n${logs().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
