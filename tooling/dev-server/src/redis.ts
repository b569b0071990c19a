import { execFile, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { toolingEnv } from "./env.ts";
import { ownedTempDir } from "./owned-temp-dir.ts";
import { freePort } from "./ports.ts";
import { killGroup, reapOrphans, spawnGroup } from "./process-registry.ts";
import { which } from "./run.ts";
import { waitForLog } from "./wait-for-log.ts";

const exec = promisify(execFile);

export interface RedisOptions {
  /** Called with each line the server logs. */
  onLog?: (line: string) => void;
  /** How long the server may take to accept connections (default 15 s). */
  readyTimeoutMs?: number;
}

export interface Redis {
  /** `redis://:password@127.0.0.1:port` */
  url: string;
  host: "127.0.0.1";
  port: number;
  password: string;
  /** The server's version, e.g. "7.0.15". */
  version: string;
  /** Where the append-only file lives; kept across restart(), removed by stop(). */
  dataDir: string;
  /** The current server process (a new one after restart()). */
  readonly process: ChildProcess;
  logs(): string;
  /** Runs one command with redis-cli; returns its raw reply. */
  command(...args: string[]): Promise<string>;
  /**
   * Stops the server and starts it again on the same port and data folder. `kill: true` is a
   * SIGKILL, as a crash would be: with `appendfsync always` every acknowledged write survives it.
   */
  restart(opts?: { kill?: boolean }): Promise<void>;
  /** Stops the server and removes its data folder. */
  stop(): Promise<void>;
}

/** The server settings: loopback only, a password, and the append-only file synced on every write. */
export const REDIS_SETTINGS = {
  bind: "127.0.0.1",
  "protected-mode": "yes",
  appendonly: "yes",
  appendfsync: "always",
  // Snapshots would add fork()ed saves on top of the append-only file for no extra durability.
  save: "",
} as const;

/**
 * Starts a real redis-server on a free port of 127.0.0.1 with persistence on (the append-only
 * file, fsynced on every write) in a temp folder, and a random password. Registered with the
 * process registry, so it never outlives the test run. Its data folder outlives restart(), which
 * is how a test proves that what the engine keeps in Redis survives a Redis restart.
 */
export async function startRedis(options: RedisOptions = {}): Promise<Redis> {
  reapOrphans();
  const server = findRedisServer();
  const cli = path.join(path.dirname(server), "redis-cli");
  const version = /v=(\d+\.\d+\.\d+)/.exec((await exec(server, ["--version"])).stdout)?.[1] ?? "unknown";
  const dataDir = ownedTempDir("redis");
  const port = await freePort();
  const password = randomBytes(18).toString("base64url");
  const settings = { ...REDIS_SETTINGS, port: String(port), dir: dataDir, requirepass: password, logfile: "", daemonize: "no" };
  const args = Object.entries(settings).flatMap(([key, value]) => [`--${key}`, value]);
  const timeoutMs = options.readyTimeoutMs ?? 15_000;

  let current: { child: ChildProcess; logs: () => string } | undefined;
  const earlier: string[] = [];
  const logs = () => earlier.join("") + (current?.logs() ?? "");
  const launch = async () => {
    current = spawnGroup(`redis-server ${version}`, server, args, { cwd: dataDir, env: { PATH: toolingEnv.path }, onLog: options.onLog });
    await waitForLog(current.child, current.logs, { ready: /Ready to accept connections/, what: `redis-server on port ${port}`, timeoutMs });
  };
  const halt = async (kill = false) => {
    if (!current) return;
    await killGroup(current.child, kill ? { graceMs: 0 } : {});
    earlier.push(current.logs());
    current = undefined;
  };
  const stop = async () => {
    await halt();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await launch();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `redis://:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    host: "127.0.0.1",
    port,
    password,
    version,
    dataDir,
    get process() {
      return current!.child;
    },
    logs,
    async command(...command: string[]) {
      if (!existsSync(cli)) throw new Error(`redis-cli is not next to ${server} (Debian: apt-get install redis-tools)`);
      const { stdout } = await exec(cli, ["-h", "127.0.0.1", "-p", String(port), "--no-auth-warning", "-a", password, ...command], {
        timeout: 30_000,
      });
      return stdout.trimEnd();
    },
    async restart(opts = {}) {
      await halt(opts.kill);
      await launch();
    },
    stop,
  };
}

/** redis-server on PATH, else where packages put it. */
function findRedisServer(): string {
  const found = which("redis-server") ?? ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/opt/homebrew/bin/redis-server"].find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    "redis-server was not found: the self-hosted tests start their own Redis. " +
      "Install it: Debian/Ubuntu `sudo apt-get install redis-server`, macOS `brew install redis`; or put redis-server on PATH.",
  );
}
