import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { toolingEnv, inheritedEnv } from "./env.ts";
import { ownedTempDir } from "./owned-temp-dir.ts";
import { assertPortFree } from "./ports.ts";
import { killGroup, spawnGroup } from "./process-registry.ts";
import { waitUntilReady } from "./wait-ready.ts";

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
  /** The process group's leader (pnpm running the `serve` script). */
  process: ChildProcess;
  /** What it was started with, so it can be started again the same way (restartApp). */
  startOptions: AppStartOptions;
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
  opts: {
    port: number;
    env?: Record<string, string>;
    readyTimeoutMs?: number;
    onLog?: (line: string) => void;
    /** In cloud mode the SDK answers an unsigned GET of its endpoint with 401: that counts as serving. */
    cloud?: boolean;
  },
): Promise<RunningApp> {
  const { pkg, appId } = APPS[name];
  await assertPortFree(opts.port, `${name} app`);
  // The web app's embedded database (PGlite) allows one process per folder: a copy started
  // without its own STUDIO_DATA_DIR gets one, so suites running side by side never share it. It
  // is kept in the start options (a restart finds its data) and removed when this process exits.
  if (name === "web" && !opts.env?.STUDIO_DATA_DIR) {
    const dataDir = ownedTempDir("web-data");
    process.once("exit", () => rmSync(dataDir, { recursive: true, force: true }));
    opts = { ...opts, env: { ...opts.env, STUDIO_DATA_DIR: dataDir } };
  }
  const { child, logs } = spawnGroup(`${name} app`, "pnpm", ["--silent", "--filter", pkg, "run", "serve"], {
    cwd: toolingEnv.repoRoot,
    env: { ...inheritedEnv(), PORT: String(opts.port), HOST: "127.0.0.1", ...opts.env },
    onLog: opts.onLog,
  });

  const url = `http://127.0.0.1:${opts.port}`;
  const serveUrl = `${url}/api/inngest`;
  const stop = () => killGroup(child);
  const timeoutMs = opts.readyTimeoutMs ?? 120_000;
  try {
    await waitUntilReady(serveUrl, child, {
      timeoutMs,
      intervalMs: 250,
      logs,
      exited: (code) => `The ${name} app exited (code ${code}) before serving ${serveUrl}`,
      timedOut: `The ${name} app did not serve ${serveUrl} within ${timeoutMs} ms`,
      ...(opts.cloud ? { ready: (status: number) => status === 401 || (status >= 200 && status < 300) } : {}),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, appId, url, serveUrl, process: child, startOptions: opts, logs, stop };
}

export type AppStartOptions = Parameters<typeof startApp>[1];
