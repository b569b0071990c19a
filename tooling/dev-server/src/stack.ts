import { APPS, startApp, type AppName, type RunningApp } from "./apps.ts";
import { devServerApi, type DevServerApi } from "./api.ts";
import { toolingEnv } from "./env.ts";
import { freePort } from "./ports.ts";
import { reapOrphans } from "./process-registry.ts";
import { startDevServer, type DevServer } from "./server.ts";

export interface Stack {
  devServer: DevServer;
  api: DevServerApi;
  apps: Partial<Record<AppName, RunningApp>>;
  /** Everything the processes printed, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Starts the given apps as real processes, then a real Dev Server that registers them, and
 * waits until every app's functions are registered. Ports are free ones picked here, so
 * suites can run side by side. Used by the end-to-end suites' globalSetup.
 */
export async function startStack(opts: {
  apps: AppName[];
  /** Extra environment per app (e.g. short test timeouts, local service URLs). */
  env?: Partial<Record<AppName, Record<string, string>>>;
}): Promise<Stack> {
  reapOrphans();
  const log: string[] = [];
  const tag = (who: string) => (line: string) => {
    log.push(`[${who}] ${line}`);
    if (log.length > 20_000) log.splice(0, 10_000);
    if (toolingEnv.verbose) process.stderr.write(`[${who}] ${line}\n`);
  };
  const dsPort = await freePort();
  const dsUrl = `http://127.0.0.1:${dsPort}`;
  const apps: Partial<Record<AppName, RunningApp>> = {};
  const stopAll = async () => {
    await Promise.all(Object.values(apps).map((a) => a.stop()));
    if (devServer) await devServer.stop();
  };
  let devServer: DevServer | undefined;
  try {
    await Promise.all(
      opts.apps.map(async (name) => {
        apps[name] = await startApp(name, {
          port: await freePort(),
          env: { INNGEST_DEV: dsUrl, ...opts.env?.[name] },
          onLog: tag(name),
        });
      }),
    );
    devServer = await startDevServer({ port: dsPort, apps: Object.values(apps).map((a) => a.serveUrl), onLog: tag("inngest") });
    const api = devServerApi(devServer.url);
    await api.waitForApps(opts.apps.map((name) => APPS[name].appId));
    return { devServer, api, apps, logs: () => log.join("\n"), stop: stopAll };
  } catch (error) {
    await stopAll();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- last log lines ---\n${log.slice(-60).join("\n")}`, { cause: error });
  }
}
