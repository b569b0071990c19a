import { devServerApi, freePort, startApp, startDevServer, type AppName, type DevServer, type DevServerApi, type RunningApp } from "@studio/dev-server";
import { e2eEnv } from "./env.ts";

export type Studio = {
  api: DevServerApi;
  devServerUrl: string;
  web: string;
  apps: Partial<Record<AppName, RunningApp>>;
  logs: () => string;
  stop: () => Promise<void>;
};

/**
 * The real system for a browser test: the web app plus the given apps as processes (their `serve`
 * scripts), and a Dev Server that registers them. Unlike startStack, ports are chosen first so
 * the other apps can be pointed at the web app (e.g. the worker's notifications at its outbox).
 */
export async function startStudio(opts: {
  apps: AppName[];
  env: (urls: { web: string; devServer: string }) => Partial<Record<AppName, Record<string, string>>>;
}): Promise<Studio> {
  const names: AppName[] = ["web", ...opts.apps.filter((a) => a !== "web")];
  const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()] as const))) as Record<AppName, number>;
  const dsPort = await freePort();
  const urls = { web: `http://127.0.0.1:${ports.web}`, devServer: `http://127.0.0.1:${dsPort}` };
  const env = opts.env(urls);
  const log: string[] = [];
  const tag = (who: string) => (line: string) => {
    log.push(`[${who}] ${line}`);
    if (log.length > 20_000) log.splice(0, 10_000);
    if (e2eEnv.verbose) process.stderr.write(`[${who}] ${line}\n`);
  };
  const apps: Partial<Record<AppName, RunningApp>> = {};
  let devServer: DevServer | undefined;
  const stop = async () => {
    await Promise.all(Object.values(apps).map((a) => a.stop()));
    await devServer?.stop();
  };
  try {
    await Promise.all(
      names.map(async (name) => {
        apps[name] = await startApp(name, {
          port: ports[name],
          env: { INNGEST_DEV: urls.devServer, ...env[name] },
          onLog: tag(name),
          readyTimeoutMs: 300_000,
        });
      }),
    );
    devServer = await startDevServer({ port: dsPort, apps: Object.values(apps).map((a) => a.serveUrl), onLog: tag("inngest") });
    const api = devServerApi(devServer.url);
    await api.waitForApps(Object.values(apps).map((a) => a.appId));
    return { api, devServerUrl: devServer.url, web: urls.web, apps, logs: () => log.join("\n"), stop };
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- last log lines ---\n${log.slice(-80).join("\n")}`, { cause: error });
  }
}

/** Fetches pages once so `next dev` compiles them before a browser needs them quickly. */
export async function warmUp(web: string, paths: string[]): Promise<void> {
  for (const p of paths) await fetch(`${web}${p}`).then((r) => r.text());
}
