import { spawn, type ChildProcess } from "node:child_process";
import { captureOutput } from "./capture-output.ts";
import { toolingEnv, inheritedEnv } from "./env.ts";
import { assertPortFree } from "./ports.ts";
import { registerGroup, unregisterGroup } from "./process-registry.ts";

/** The apps of the system and the Inngest app id each registers as. */
export const APPS = {
  web: { pkg: "@studio/web", appId: "studio-web" },
  worker: { pkg: "@studio/worker", appId: "studio-worker" },
  ai: { pkg: "@studio/ai", appId: "studio-ai" },
} as const;
export type AppName = keyof typeof APPS;

export interface RunningApp {
  name: AppName;
  appId: string;
  url: string;
  serveUrl: string;
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Starts one app as a real process, by running its package's `serve` script through pnpm, and
 * resolves once its Inngest endpoint answers. The process runs in its own process group so
 * stop() takes down everything it started.
 */
export async function startApp(
  name: AppName,
  opts: { port: number; env?: Record<string, string>; readyTimeoutMs?: number; onLog?: (line: string) => void },
): Promise<RunningApp> {
  const { pkg, appId } = APPS[name];
  await assertPortFree(opts.port, `${name} app`);
  const child = spawn("pnpm", ["--silent", "--filter", pkg, "run", "serve"], {
    cwd: toolingEnv.repoRoot,
    env: { ...inheritedEnv(), PORT: String(opts.port), HOST: "127.0.0.1", ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  registerGroup(child, `${name} app`);
  const output = captureOutput(child, opts.onLog);

  const url = `http://127.0.0.1:${opts.port}`;
  const serveUrl = `${url}/api/inngest`;
  const stop = () => killGroup(child);
  try {
    await waitForEndpoint(serveUrl, child, opts.readyTimeoutMs ?? 120_000, output, name);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, appId, url, serveUrl, logs: output, stop };
}

async function waitForEndpoint(serveUrl: string, child: ChildProcess, timeoutMs: number, logs: () => string, name: string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The ${name} app exited (code ${child.exitCode}) before serving ${serveUrl}:\n${logs().slice(-3000)}`);
    try {
      const res = await fetch(serveUrl);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The ${name} app did not serve ${serveUrl} within ${timeoutMs} ms:\n${logs().slice(-3000)}`);
}

/** SIGTERM to the whole process group, SIGKILL after 5 s; resolves when the leader has exited. */
export async function killGroup(child: ChildProcess): Promise<void> {
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
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
  signal("SIGKILL"); // children that ignored SIGTERM after the leader left
  unregisterGroup(child);
}
