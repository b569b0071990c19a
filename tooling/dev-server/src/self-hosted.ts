import { createHmac, randomBytes } from "node:crypto";
import { devServerApi, type DevServerApi } from "./api.ts";
import { deploymentEnvFor, type DeploymentKeys } from "./deployment-env.ts";
import { APPS, startApp, type AppName, type RunningApp } from "./apps.ts";
import { freePort, reservePort } from "./ports.ts";
import { startPostgres, type Postgres } from "./postgres.ts";
import { reapOrphans } from "./process-registry.ts";
import { startRedis, type Redis } from "./redis.ts";
import { startSelfHostedEngine, type SelfHostedEngine } from "./self-hosted-engine.ts";
import { stackLog } from "./stack-log.ts";

export type { DeploymentKeys };

export interface SelfHostedStack {
  engine: SelfHostedEngine;
  postgres: Postgres;
  redis: Redis;
  /** The engine's API, with the deployment's event key and signing key. */
  api: DevServerApi;
  apps: Partial<Record<AppName, RunningApp>>;
  keys: DeploymentKeys;
  /** The Inngest and encryption variables every app ran with: what a deployment sets. */
  deploymentEnv: Record<string, string>;
  /**
   * Syncs every app again, as the engine's own sync does (a re-deploy, the UI's resync): a `PUT`
   * signed with the signing key. The apps refuse an unsigned one (signed syncs only, in cloud mode).
   */
  sync(): Promise<void>;
  logs(): string;
  stop(): Promise<void>;
}

type StackUrls = { engine: string } & Partial<Record<AppName, string>>;
type StackEnv = Partial<Record<AppName, Record<string, string>>>;

/**
 * The production path on one machine: a real Postgres and Redis, Inngest's self-hosted server on
 * them, and the given apps as real processes in cloud mode: signed requests, an event key, a real
 * encryption key, and the engine's URL for events and API calls (INNGEST_DEV=0,
 * INNGEST_BASE_URL). The engine syncs the apps itself, as a self-hosted deployment is set up:
 * `inngest start --sdk-url <serve URL>` sends each app a PUT signed with the signing key (the apps
 * accept no unsigned sync). The stack waits until every app's functions are registered. `env`
 * adds each app's own settings.
 */
export async function startSelfHostedStack(opts: {
  apps: AppName[];
  env?: StackEnv | ((urls: StackUrls) => StackEnv);
  readyTimeoutMs?: number;
}): Promise<SelfHostedStack> {
  reapOrphans();
  const log = stackLog();
  const keys: DeploymentKeys = {
    signingKey: randomBytes(32).toString("hex"),
    eventKey: randomBytes(16).toString("hex"),
    encryptionKey: randomBytes(32).toString("base64"),
  };
  const ports = new Map<AppName, number>();
  for (const name of opts.apps) ports.set(name, await freePort());
  // Held until the engine starts (after Postgres, Redis and the apps: minutes on a busy machine),
  // as stack.ts holds the Dev Server's: another suite asking the OS for a port may get it otherwise.
  const engineReservation = await reservePort();
  const enginePort = engineReservation.port;
  const urls: StackUrls = { engine: `http://127.0.0.1:${enginePort}` };
  for (const [name, port] of ports) urls[name] = `http://127.0.0.1:${port}`;
  const env = typeof opts.env === "function" ? opts.env(urls) : opts.env;
  const deploymentEnv = deploymentEnvFor(urls.engine, keys);

  const apps: Partial<Record<AppName, RunningApp>> = {};
  let postgres: Postgres | undefined;
  let redis: Redis | undefined;
  let engine: SelfHostedEngine | undefined;
  const stopAll = async () => {
    await engineReservation.release();
    await Promise.all(Object.values(apps).map((a) => a.stop()));
    await engine?.stop();
    await Promise.all([postgres?.stop(), redis?.stop()]);
  };
  try {
    // Settled, not raced: whatever did start is assigned, so a failure stops it too.
    const started = await Promise.allSettled([
      startPostgres({ database: "inngest", onLog: log.tag("postgres") }).then((p) => (postgres = p)),
      startRedis({ onLog: log.tag("redis") }).then((r) => (redis = r)),
      ...opts.apps.map(async (name) => {
        apps[name] = await startApp(name, {
          port: ports.get(name)!,
          env: { ...deploymentEnv, ...env?.[name] },
          onLog: log.tag(name),
          readyTimeoutMs: opts.readyTimeoutMs,
          cloud: true,
        });
      }),
    ]);
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
    if (!postgres || !redis) throw new Error("unreachable: Postgres and Redis started");
    await engineReservation.release();
    engine = await startSelfHostedEngine({
      port: enginePort,
      postgresUrl: postgres.url,
      redisUrl: redis.url,
      signingKey: keys.signingKey,
      eventKeys: [keys.eventKey],
      sdkUrls: Object.values(apps).map((app) => app.serveUrl),
      onLog: log.tag("inngest"),
    });
    const api = devServerApi(engine.url, { eventKey: keys.eventKey, signingKey: keys.signingKey });
    const registered = () => api.waitForApps(opts.apps.map((name) => APPS[name].appId));
    const sync = async () => {
      for (const app of Object.values(apps)) {
        const body = JSON.stringify({ url: app.serveUrl });
        const res = await fetch(app.serveUrl, {
          method: "PUT",
          headers: { "content-type": "application/json", "x-inngest-signature": signedBy(keys.signingKey, body) },
          body,
        });
        const answer = await res.text();
        if (!res.ok) throw new Error(`Syncing ${app.name} (signed PUT ${app.serveUrl}) with the self-hosted server failed: HTTP ${res.status} ${answer.slice(0, 500)}`);
      }
      await registered();
    };
    await registered(); // the engine's own sync (--sdk-url)
    return { engine, postgres, redis, api, apps, keys, deploymentEnv, sync, logs: log.text, stop: stopAll };
  } catch (error) {
    await stopAll();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- last log lines ---\n${log.last(80)}`, { cause: error });
  }
}

/**
 * The `X-Inngest-Signature` the engine puts on a request it sends an app: `t=<unix seconds>&s=<hex
 * HMAC-SHA256 of body + t>`, keyed with the hex signing key. `body` must be canonical JSON (sorted
 * keys), as `{"url": …}` is.
 */
function signedBy(signingKeyHex: string, body: string): string {
  const ts = Math.floor(Date.now() / 1000).toString();
  return `t=${ts}&s=${createHmac("sha256", signingKeyHex).update(body).update(ts).digest("hex")}`;
}
