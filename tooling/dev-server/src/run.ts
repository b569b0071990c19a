import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { toolingEnv } from "./env.ts";

export const log = (msg: string) => process.stderr.write(`[dev-server] ${msg}\n`);

/** The path of `cmd` on the tooling's PATH, if it is there. */
export function which(cmd: string): string | undefined {
  for (const dir of toolingEnv.path.split(path.delimiter)) {
    const candidate = path.join(dir, cmd);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Runs a command to completion; a failure carries its last lines of stderr. */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; heartbeat?: string },
): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const started = Date.now();
    const beat = opts.heartbeat
      ? setInterval(() => log(`${opts.heartbeat} ... ${Math.round((Date.now() - started) / 1000)}s`), 30_000)
      : undefined;
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs);
    child.on("error", (e) => reject(e));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (beat) clearInterval(beat);
      if (code === 0) resolve({ stdout });
      else reject(new Error(`${path.basename(cmd)} ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${stderr.trim().split("\n").slice(-8).join("\n")}`));
    });
  });
}
