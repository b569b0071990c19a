import { startStack, type AppName, type DevServerApi, type RunningApp } from "@studio/dev-server";

export type Studio = {
  api: DevServerApi;
  devServerUrl: string;
  web: string;
  apps: Partial<Record<AppName, RunningApp>>;
  logs: () => string;
  stop: () => Promise<void>;
};

/**
 * The real system for a browser test: the web app plus the given apps as processes, and a Dev
 * Server that registers them (startStack). `env` gets the URLs first, so the other apps can be
 * pointed at the web app (e.g. the worker's notifications at its outbox).
 */
export async function startStudio(opts: {
  apps: AppName[];
  env: (urls: { web: string; devServer: string }) => Partial<Record<AppName, Record<string, string>>>;
}): Promise<Studio> {
  const stack = await startStack({
    apps: ["web", ...opts.apps.filter((a) => a !== "web")],
    env: (urls) => opts.env({ web: urls.web!, devServer: urls.devServer }),
    readyTimeoutMs: 300_000,
  });
  return {
    api: stack.api,
    devServerUrl: stack.devServer.url,
    web: stack.apps.web!.url,
    apps: stack.apps,
    logs: () => stack.logs(),
    stop: () => stack.stop(),
  };
}

/** Fetches pages once so `next dev` compiles them before a browser needs them quickly. */
export async function warmUp(web: string, paths: string[]): Promise<void> {
  for (const p of paths) await fetch(`${web}${p}`).then((r) => r.text());
}
