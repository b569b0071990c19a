import { execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, reapOrphans, startPostgres, startRedis, type Postgres, type Redis } from "./index.ts";
import { findPostgresBinaries } from "./postgres-binaries.ts";

const exec = promisify(execFile);
const pgVersion = () => findPostgresBinaries().version;
const gone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};
/** The real uid a process runs as (Linux). */
const uidOf = (pid: number) => Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);

describe("startPostgres", () => {
  let pg: Postgres;
  beforeAll(async () => {
    pg = await startPostgres({ database: "harness" });
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it("runs a real PostgreSQL server with its own cluster, on loopback, with the database asked for", async () => {
    expect(pg.url).toBe(`postgres://studio:${encodeURIComponent(pg.password)}@127.0.0.1:${pg.port}/harness?sslmode=disable`);
    expect(await pg.sql("select current_database() || ' ' || current_user")).toBe("harness studio");
    expect(await pg.sql("show server_version")).toMatch(new RegExp(`^${pg.version}\\b`));
    expect(await pg.sql("show listen_addresses")).toBe("127.0.0.1");
    expect(await pg.sql("show data_directory")).toBe(pg.dataDir);
    await pg.sql("create table t (id int primary key); insert into t values (1), (2)");
    expect(await pg.sql("select count(*) from t")).toBe("2");
    const other = await pg.createDatabase("other");
    expect(other).toContain("/other?");
    expect(await pg.sql("select count(*) from pg_tables where tablename = 't'", "other")).toBe("0");
  });

  it("refuses a wrong password (the URL's password is what lets clients in)", async () => {
    const url = new URL(pg.url);
    url.password = "not-it";
    const psql = path.join(findPostgresBinaries().bin, "psql");
    await expect(exec(psql, [url.toString(), "-X", "-c", "select 1"], { env: {} })).rejects.toThrow(/password authentication failed/);
  });

  it.runIf(process.getuid?.() === 0)("runs as an unprivileged account when the tests run as root (Postgres refuses root)", () => {
    expect(uidOf(pg.process.pid!)).not.toBe(0);
  });
});

describe("startRedis", () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("runs a real redis-server on loopback that wants its password", async () => {
    expect(redis.url).toBe(`redis://:${encodeURIComponent(redis.password)}@127.0.0.1:${redis.port}`);
    expect(await redis.command("PING")).toBe("PONG");
    expect(await redis.command("CONFIG", "GET", "bind")).toBe("bind\n127.0.0.1");
    expect(await redis.command("CONFIG", "GET", "appendonly")).toBe("appendonly\nyes");
    const anonymous = await new Promise<string>((resolve) => {
      const cli = spawn("redis-cli", ["-h", "127.0.0.1", "-p", String(redis.port), "GET", "x"]);
      let out = "";
      cli.stdout.on("data", (d: Buffer) => (out += d.toString()));
      cli.on("close", () => resolve(out));
    });
    expect(anonymous).toMatch(/NOAUTH/);
  });

  it("keeps every acknowledged write across a SIGKILL and a restart on the same data folder", async () => {
    for (let i = 0; i < 20; i++) await redis.command("RPUSH", "queue", `item-${i}`);
    const before = redis.process.pid!;
    await redis.restart({ kill: true });
    expect(redis.process.pid).not.toBe(before);
    expect(gone(before)).toBe(true);
    expect(await redis.command("LLEN", "queue")).toBe("20");
    expect(await redis.command("LINDEX", "queue", "19")).toBe("item-19");
  });
});

describe("the data stores' clean-up", () => {
  it("stop() ends the servers and removes their data", async () => {
    const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    const pids = [pg.process.pid!, redis.process.pid!];
    await Promise.all([pg.stop(), redis.stop()]);
    expect(pids.filter((pid) => !gone(pid))).toEqual([]);
    expect(existsSync(pg.dataDir) || existsSync(redis.dataDir)).toBe(false);
  });

  it("stops servers left behind by a test runner that was killed outright, and removes their data at the next start", async () => {
    const script = `const { startPostgres, startRedis } = await import(${JSON.stringify(new URL("./index.ts", import.meta.url).href)});
      const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
      console.log(JSON.stringify({ pids: [pg.process.pid, redis.process.pid], dirs: [pg.dataDir, redis.dataDir] }));
      setInterval(() => {}, 1000);`;
    const runner = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const left = await new Promise<{ pids: number[]; dirs: string[] }>((resolve) =>
      runner.stdout.once("data", (d: Buffer) => resolve(JSON.parse(d.toString()) as { pids: number[]; dirs: string[] })),
    );
    runner.kill("SIGKILL");
    await new Promise((r) => runner.once("exit", r));
    expect(left.pids.filter(gone)).toEqual([]); // orphaned, still running

    expect(reapOrphans()).toEqual(
      expect.arrayContaining([`PostgreSQL ${pgVersion()} (group ${left.pids[0]})`, expect.stringMatching(new RegExp(`^redis-server .* \\(group ${left.pids[1]}\\)$`))]),
    );
    await eventually("the orphaned servers to exit", () => Promise.resolve(left.pids.every(gone)), 10_000);
    const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    await Promise.all([pg.stop(), redis.stop()]);
    expect(left.dirs.filter(existsSync)).toEqual([]);
  });
});
