import { APPS, startApp, type AppName, type RunningApp } from "./apps.ts";
import { devServerApi, type DevServerApi } from "./api.ts";
import { freePort } from "./ports.ts";
import { reapOrphans } from "./process-registry.ts";
import { launchDevServer, type DevServer, type DevServerOptions } from "./server.ts";
import { stackLog } from "./stack-log.ts";

export interface Stack {
  devServer: DevServer;
  api: DevServerApi;
  apps: Partial<Record<AppName, RunningApp>>;
  /** Everything the processes printed, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

/** Where the stack's processes will listen, known before any of them starts. */
type StackUrls = { devServer: string } & Partial<Record<AppName, string>>;
type StackEnv = Partial<Record<AppName, Record<string, string>>>;

/**
 * Starts the given apps as real processes, then a real Dev Server that registers them, and
 * waits until every app's functions are registered. Ports are free ones picked here, all of them
 * before anything starts, so suites can run side by side and `env` can point one app at another.
 */
export async function startStack(opts: {
  apps: AppName[];
  /** Extra environment per app (e.g. short test timeouts, local service URLs), or a function of the stack's URLs giving it. */
  env?: StackEnv | ((urls: StackUrls) => StackEnv);
  /** How long each app may take to serve its Inngest endpoint (default: startApp's). */
  readyTimeoutMs?: number;
  /** Keep the Dev Server's state on disk, for `stack.devServer.stopAndReadStore()`. */
  persist?: boolean;
  /** Dev Server settings beyond the defaults. */
  devServer?: Pick<DevServerOptions, "retryIntervalSeconds">;
}): Promise<Stack> {
  reapOrphans();
  const log = stackLog();
  const tag = log.tag;
  const ports = new Map<AppName, number>();
  for (const name of opts.apps) ports.set(name, await freePort());
  const dsPort = await freePort();
  const urls: StackUrls = { devServer: `http://127.0.0.1:${dsPort}` };
  for (const [name, port] of ports) urls[name] = `http://127.0.0.1:${port}`;
  const env = typeof opts.env === "function" ? opts.env(urls) : opts.env;

  const apps: Partial<Record<AppName, RunningApp>> = {};
  let devServer: DevServer | undefined;
  const stopAll = async () => {
    await Promise.all(Object.values(apps).map((a) => a.stop()));
    if (devServer) await devServer.stop();
  };
  try {
    await Promise.all(
      opts.apps.map(async (name) => {
        apps[name] = await startApp(name, {
          port: ports.get(name)!,
          env: { INNGEST_DEV: urls.devServer, ...env?.[name] },
          onLog: tag(name),
          readyTimeoutMs: opts.readyTimeoutMs,
        });
      }),
    );
    devServer = await launchDevServer({
      ...opts.devServer,
      port: dsPort,
      apps: Object.values(apps).map((a) => a.serveUrl),
      onLog: tag("inngest"),
      ...(opts.persist ? { persist: true } : {}),
    });
    const api = devServerApi(devServer.url);
    await api.waitForApps(opts.apps.map((name) => APPS[name].appId));
    return { devServer, api, apps, logs: log.text, stop: stopAll };
  } catch (error) {
    await stopAll();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- last log lines ---\n${log.last(80)}`, { cause: error });
  }
}
