import { APPS, startApp, type AppName, type RunningApp } from "./apps.ts";
import { devServerApi, type DevServerApi } from "./api.ts";
import { freePort, reservePort } from "./ports.ts";
import { reapOrphans } from "./process-registry.ts";
import { launchDevServer, type DevServer, type DevServerOptions } from "./server.ts";
import { stackLog } from "./stack-log.ts";
import { callingSuite, collectEvidence, secretValues, writeEvidence } from "./evidence.ts";
import { startSentrySink, type SentrySink } from "./sentry-sink.ts";
import { toolingEnv } from "./env.ts";

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
  const suite = callingSuite();
  const startedAt = new Date();
  const log = stackLog();
  const tag = log.tag;
  const ports = new Map<AppName, number>();
  for (const name of opts.apps) ports.set(name, await freePort());
  // Held until the Dev Server starts: the apps start first with its URL, which takes long enough
  // on a busy machine for another process to be handed a port that was merely free.
  const dsReservation = await reservePort();
  const dsPort = dsReservation.port;
  const urls: StackUrls = { devServer: `http://127.0.0.1:${dsPort}` };
  for (const [name, port] of ports) urls[name] = `http://127.0.0.1:${port}`;
  const env = typeof opts.env === "function" ? opts.env(urls) : opts.env;
  // Evidence for `./pnpm verify`: the worker and AI apps report to a local Sentry stand-in (unless
  // the suite sets SENTRY_DSN itself), and what the run produced is written when the stack stops.
  const sentry: SentrySink | undefined = toolingEnv.evidence ? await startSentrySink() : undefined;
  const appEnv = (name: AppName) => ({
    INNGEST_DEV: urls.devServer,
    ...(sentry && name !== "web" ? { SENTRY_DSN: sentry.dsn } : {}),
    ...env?.[name],
  });

  const apps: Partial<Record<AppName, RunningApp>> = {};
  let devServer: DevServer | undefined;
  const stopAll = async () => {
    await dsReservation.release();
    await Promise.all(Object.values(apps).map((a) => a.stop()));
    if (devServer) await devServer.stop();
    await sentry?.stop();
  };
  const sentByTest = new Set<string>();
  const recordEvidence = async (api: ReturnType<typeof devServerApi>) => {
    if (!toolingEnv.evidence) return;
    try {
      const evidence = await collectEvidence({
        api,
        suite,
        apps: opts.apps,
        startedAt,
        logs: log.text(),
        secrets: secretValues(Object.fromEntries(opts.apps.map((name) => [name, appEnv(name)]))),
        sentry: sentry?.events ?? [],
        sentByTest,
      });
      writeEvidence(evidence);
    } catch (error) {
      // Evidence is a by-product: a failure to collect it must not fail the suite.
      console.warn(`[stack] no evidence written for ${suite}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  try {
    await Promise.all(
      opts.apps.map(async (name) => {
        apps[name] = await startApp(name, {
          port: ports.get(name)!,
          env: appEnv(name),
          onLog: tag(name),
          readyTimeoutMs: opts.readyTimeoutMs,
        });
      }),
    );
    await dsReservation.release();
    devServer = await launchDevServer({
      ...opts.devServer,
      port: dsPort,
      apps: Object.values(apps).map((a) => a.serveUrl),
      onLog: tag("inngest"),
      ...(opts.persist ? { persist: true } : {}),
    });
    const api = devServerApi(devServer.url);
    // Events a suite sends itself skip the SDK (nothing encrypts them): the evidence tells them apart.
    const send = api.send.bind(api);
    api.send = async (events) => {
      const ids = await send(events);
      for (const id of ids) sentByTest.add(id);
      for (const e of Array.isArray(events) ? events : [events]) if (e.id) sentByTest.add(e.id);
      return ids;
    };
    // Up to the apps' own start-up allowance: under the gate's load a `next dev` answers the
    // server's sync slowly; the PUTs of waitForApps make sure each app is asked until it registers.
    await api.waitForApps(
      opts.apps.map((name) => APPS[name].appId),
      { timeoutMs: opts.readyTimeoutMs ?? 120_000, resync: Object.fromEntries(Object.values(apps).map((a) => [a.appId, a.serveUrl])) },
    );
    const stop = async () => {
      await recordEvidence(api);
      await stopAll();
    };
    return { devServer, api, apps, logs: log.text, stop };
  } catch (error) {
    await stopAll();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- last log lines ---\n${log.last(80)}`, { cause: error });
  }
}
