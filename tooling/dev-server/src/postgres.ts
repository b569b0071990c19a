import { execFile, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { toolingEnv } from "./env.ts";
import { ownedTempDir } from "./owned-temp-dir.ts";
import { freePort } from "./ports.ts";
import { findPostgresBinaries } from "./postgres-binaries.ts";
import { killGroup, reapOrphans, spawnGroup } from "./process-registry.ts";
import { unprivilegedUser, type SystemUser } from "./unprivileged-user.ts";
import { waitForLog } from "./wait-for-log.ts";

const exec = promisify(execFile);

export interface PostgresOptions {
  /** Database to create and put in `url` (default "studio"). */
  database?: string;
  /** Called with each line the server logs. */
  onLog?: (line: string) => void;
  /** How long the server may take to accept connections (default 30 s). */
  readyTimeoutMs?: number;
}

export interface Postgres {
  /** `postgres://user:password@127.0.0.1:port/database?sslmode=disable` */
  url: string;
  host: "127.0.0.1";
  port: number;
  user: string;
  password: string;
  database: string;
  /** The server's version, e.g. "15.18". */
  version: string;
  /** The cluster's data folder (removed by stop()). */
  dataDir: string;
  process: ChildProcess;
  logs(): string;
  /** The URL of another database on the same server. */
  urlFor(database: string): string;
  /** Creates a database (owned by `user`) and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Runs SQL through psql; returns its unaligned output (rows by line, columns by `|`). */
  sql(query: string, database?: string): Promise<string>;
  /** Fast shutdown, then the data folder is removed. */
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server with a cluster of its own: initdb into a temp folder, listening
 * on a free port of 127.0.0.1 only (no Unix socket), password auth (scram-sha-256, a random
 * password), a database created for the caller. Registered with the process registry, so it never
 * outlives the test run; stop() shuts it down and removes the cluster.
 *
 * initdb and postgres refuse to run as root. A root harness (CI) runs both as an unprivileged
 * account (`postgres`, see unprivilegedUser) and hands it the temp folder. Durability settings
 * (fsync, full-page writes) are off: the cluster lives for one test run and is never recovered
 * after an OS crash, and they make initdb and writes several times faster.
 */
export async function startPostgres(options: PostgresOptions = {}): Promise<Postgres> {
  reapOrphans();
  const { bin, version } = findPostgresBinaries();
  const runAs = unprivilegedUser();
  const root = ownedTempDir("pg");
  const dataDir = path.join(root, "data");
  const user = "studio";
  const password = randomBytes(18).toString("base64url");
  const database = options.database ?? "studio";
  const ids = runAs ? { uid: runAs.uid, gid: runAs.gid } : {};
  const env = { PATH: toolingEnv.path, LC_ALL: "C", TZ: "UTC" };
  let child: ChildProcess | undefined;

  const stop = async () => {
    if (child) await killGroup(child, { signal: "SIGINT", graceMs: 10_000 });
    rmSync(root, { recursive: true, force: true });
  };

  try {
    if (runAs) chownSync(root, runAs.uid, runAs.gid);
    const pwfile = path.join(root, "pwfile");
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (runAs) chownSync(pwfile, runAs.uid, runAs.gid);
    await exec(
      path.join(bin, "initdb"),
      ["-D", dataDir, "-U", user, `--pwfile=${pwfile}`, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
      { ...ids, env, cwd: root, timeout: 120_000 },
    ).catch((error: unknown) => {
      throw new Error(`initdb ${describeUser(runAs)}failed: ${execFailure(error)}`, { cause: error });
    });
    rmSync(pwfile);

    const port = await freePort();
    const started = spawnGroup(
      `PostgreSQL ${version}`,
      path.join(bin, "postgres"),
      [
        "-D", dataDir,
        "-c", "listen_addresses=127.0.0.1",
        "-c", `port=${port}`,
        "-c", "unix_socket_directories=",
        "-c", "fsync=off",
        "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off",
        "-c", "max_connections=200",
      ],
      { cwd: root, env, onLog: options.onLog, user: runAs && { uid: runAs.uid, gid: runAs.gid } },
    );
    child = started.child;
    const timeoutMs = options.readyTimeoutMs ?? 30_000;
    await waitForLog(child, started.logs, { ready: /database system is ready to accept connections/, what: `PostgreSQL on port ${port}`, timeoutMs });

    const urlFor = (db: string) =>
      `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(db)}?sslmode=disable`;
    const sql = async (query: string, db = database) => {
      try {
        const { stdout } = await exec(
          path.join(bin, "psql"),
          ["-h", "127.0.0.1", "-p", String(port), "-U", user, "-d", db, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", query],
          { env: { ...env, PGPASSWORD: password, PGCONNECT_TIMEOUT: "10" }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
        );
        return stdout.trimEnd();
      } catch (error) {
        throw new Error(`psql on ${db} failed: ${execFailure(error)}\nquery: ${query.slice(0, 500)}`, { cause: error });
      }
    };
    const createDatabase = async (name: string) => {
      await sql(`CREATE DATABASE "${name.replaceAll('"', '""')}"`, "postgres");
      return urlFor(name);
    };
    if (database !== "postgres") await createDatabase(database);

    return {
      url: urlFor(database),
      host: "127.0.0.1",
      port,
      user,
      password,
      database,
      version,
      dataDir,
      process: child,
      logs: started.logs,
      urlFor,
      createDatabase,
      sql,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function describeUser(user: SystemUser | undefined): string {
  return user ? `(as ${user.name}, because the tests run as root) ` : "";
}

function execFailure(error: unknown): string {
  const e = error as { stderr?: string; message?: string };
  return (e.stderr?.trim() || e.message || String(error)).split("\n").slice(-8).join("\n");
}
