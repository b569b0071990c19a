import { spawn } from "node:child_process";
import { writeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { benchEnv, childEnv } from "./env.ts";

const CHILD = "STUDIO_BENCH_REPORT_FD";

/**
 * For benchmarks of a whole app, whose logger writes to stdout (fd 1) as in production: runs
 * the script again in a child whose stdout is /dev/null (the log lines are still formatted and
 * written, as in production, but not shown) and whose fd 3 is this process's stdout, for the
 * report. Returns a print function in the child, or undefined in the parent (which has then
 * waited for the child and set the exit code).
 */
export async function reportOutsideStdout(scriptUrl: string): Promise<((line: string) => void) | undefined> {
  if (benchEnv.reportFd) return (line) => writeSync(3, `${line}\n`);
  const child = spawn(process.execPath, [fileURLToPath(scriptUrl), ...process.argv.slice(2)], {
    stdio: ["ignore", "ignore", "inherit", 1],
    env: childEnv({ ...benchEnv.all(), [CHILD]: "3" }),
  });
  process.exitCode = await new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
  return undefined;
}
