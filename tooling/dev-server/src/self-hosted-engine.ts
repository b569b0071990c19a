import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { ensureInngestBinary } from "./binary.ts";
import { inngestStartArgs } from "./inngest-start-args.ts";
import { toolingEnv } from "./env.ts";
import { ownedTempDir } from "./owned-temp-dir.ts";
import { assertPortFree, freePort } from "./ports.ts";
import { killGroup, reapOrphans, spawnGroup } from "./process-registry.ts";
import { waitForLog } from "./wait-for-log.ts";
import { waitUntilReady } from "./wait-ready.ts";

export interface SelfHostedEngineOptions {
  /**
   * `postgres://…`: apps, functions, events and run history. Unset: the server's own SQLite file
   * in its temp folder (enough for a short check; production uses Postgres).
   */
  postgresUrl?: string;
  /**
   * `redis://…`: the queue and the state of every run in flight. Leave it out only to show what
   * happens without it: the server then keeps that state in process memory and a restart loses it.
   */
  redisUrl?: string;
  /** Hex (an even number of digits), as the server takes it; apps get `signkey-prod-<hex>`. */
  signingKey: string;
  /** The event keys the server accepts on `POST /e/<key>`. */
  eventKeys: string[];
  /**
   * Serve URLs of the apps the server syncs itself (`--sdk-url`), as a self-hosted deployment
   * does: a PUT signed with the signing key, on start-up and until each app answers.
   */
  sdkUrls?: string[];
  /** Default: a free port. */
  port?: number;
  /** Faster queue polling and 1 s linear retries (tests). Default true. */
  fast?: boolean;
  onLog?: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface SelfHostedEngine {
  url: string;
  port: number;
  /** The command line the server runs with now (the binary's arguments), e.g. for the docs. */
  readonly args: readonly string[];
  /** The current server process (a new one after restart()). */
  readonly process: ChildProcess;
  logs(): string;
  /**
   * Stops the server and starts it again with the same settings and ports. `kill: true` is a
   * SIGKILL, as a crashed or evicted machine would be: nothing gets to shut down cleanly.
   * `redis: false` starts it without `--redis-uri` this time (to show what that loses).
   */
  restart(opts?: { kill?: boolean; redis?: boolean }): Promise<void>;
  /** SIGKILLs the server and leaves it down (start() brings it back). */
  crash(): Promise<void>;
  /** Starts the server again after crash(), with the same settings and ports. */
  start(opts?: { redis?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts Inngest's self-hosted server, `inngest start` (the same binary as the Dev Server, see
 * ensureInngestBinary), on 127.0.0.1 with its state in the given Postgres and Redis, checking
 * signatures and event keys as a production server does. Like the Dev Server it runs with a clean
 * environment in an empty folder (it reads INNGEST_* variables and inngest.json as settings),
 * with ports of its own for the Connect gateway and gRPC, in the process registry.
 */
export async function startSelfHostedEngine(options: SelfHostedEngineOptions): Promise<SelfHostedEngine> {
  reapOrphans();
  const bin = await ensureInngestBinary();
  const port = options.port ?? (await freePort());
  await assertPortFree(port, "Inngest self-hosted server");
  const [gateway, gatewayGrpc, executorGrpc] = [await freePort(), await freePort(), await freePort()];
  const argsWith = (redis: boolean) =>
    inngestStartArgs({ ...options, port, redisUrl: redis ? options.redisUrl : undefined, connectPorts: [gateway, gatewayGrpc, executorGrpc] });
  const cwd = ownedTempDir("inngest");
  const url = `http://127.0.0.1:${port}`;
  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  let current: { child: ChildProcess; logs: () => string } | undefined;
  const earlier: string[] = [];

  let args = argsWith(true);
  const launch = async (redis = true) => {
    args = argsWith(redis);
    current = spawnGroup("Inngest self-hosted server", bin, args, {
      cwd,
      env: { PATH: toolingEnv.path, HOME: cwd, DO_NOT_TRACK: "1", INNGEST_NO_UPDATE_NOTIFIER: "1" },
      onLog: options.onLog,
    });
    const { child, logs } = current;
    await waitUntilReady(`${url}/health`, child, {
      timeoutMs,
      intervalMs: 100,
      logs,
      exited: (code) => `The self-hosted Inngest server exited (code ${code}) before it was ready`,
      timedOut: `The self-hosted Inngest server did not become healthy at ${url} within ${timeoutMs} ms`,
    });
    // /health answers before the runner consumes events; an event sent in between can be dropped.
    await waitForLog(child, logs, { ready: /"subscribing to events"/, what: "The self-hosted Inngest server's event runner", timeoutMs });
  };
  const halt = async (kill = false) => {
    if (!current) return;
    await killGroup(current.child, kill ? { graceMs: 0 } : {});
    earlier.push(current.logs());
    current = undefined;
  };
  const stop = async () => {
    await halt();
    rmSync(cwd, { recursive: true, force: true });
  };

  try {
    await launch();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    port,
    get args() {
      return args;
    },
    get process() {
      if (!current) throw new Error("the self-hosted server is not running (crash() stopped it)");
      return current.child;
    },
    logs: () => earlier.join("") + (current?.logs() ?? ""),
    async restart(opts = {}) {
      await halt(opts.kill);
      await launch(opts.redis ?? true);
    },
    async crash() {
      await halt(true);
    },
    async start(opts = {}) {
      if (current) throw new Error("the self-hosted server is already running");
      await launch(opts.redis ?? true);
    },
    stop,
  };
}
