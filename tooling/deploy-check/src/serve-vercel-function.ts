import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, killGroup, spawnGroup } from "@studio/dev-server";
import { deployCheckEnv } from "./env.ts";

export interface ServedFunction {
  url: string;
  /** Where the function's files were copied to (outside the repository). */
  dir: string;
  logs(): string;
  stop(): Promise<void>;
}

const serveScript = path.resolve(import.meta.dirname, "../bin/serve-function.ts");

/**
 * Serves a built function the way it would run once deployed: its `.func` folder is copied out of
 * the repository (so nothing resolves from the monorepo's node_modules or sources: the function
 * must carry every file it needs) and its handler answers HTTP on a free port of 127.0.0.1, with
 * exactly `env` as its environment (plus PATH). Resolves once it answers `readyPath`.
 */
export async function serveVercelFunction(
  funcDir: string,
  opts: { env: Record<string, string>; readyPath?: string; timeoutMs?: number; onLog?: (line: string) => void },
): Promise<ServedFunction> {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-vercel-func-"));
  cpSync(funcDir, dir, { recursive: true, dereference: true });
  const port = await freePort();
  const { child, logs } = spawnGroup("built Vercel function", process.execPath, [serveScript, dir, String(port)], {
    cwd: dir,
    env: { PATH: deployCheckEnv.path, ...opts.env },
    ...(opts.onLog ? { onLog: opts.onLog } : {}),
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await killGroup(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const until = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the built function exited (code ${child.exitCode}) before serving:\n${logs().slice(-4000)}`);
    }
    const answered = await fetch(`${url}${opts.readyPath ?? "/"}`).then(
      () => true,
      () => false,
    );
    if (answered) return { url, dir, logs, stop };
    if (Date.now() > until) {
      await stop();
      throw new Error(`the built function did not answer on ${url} in time:\n${logs().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
