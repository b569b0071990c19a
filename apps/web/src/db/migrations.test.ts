import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterEach, describe, expect, it } from "vitest";
import journal from "../../drizzle/meta/_journal.json" with { type: "json" };
import { migrationStatus } from "./migration-status.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { migrationsFolder, openDatabase, type OpenDatabase } from "./open-database.ts";
import * as schema from "./schema/index.ts";

const exec = promisify(execFile);
const tables = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableName(table))
  .sort();

let open: OpenDatabase | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function tablesIn(db: OpenDatabase["db"]): Promise<string[]> {
  const result = await db.execute<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
  return result.rows.map((row) => row.table_name);
}

describe("the web database's migrations", () => {
  it("apply to an empty database, creating every table of the schema, and a second run changes nothing", { timeout: 60_000 }, async () => {
    open = await openTestDatabase("empty");
    expect(await tablesIn(open.db)).toEqual([]);
    expect(await migrationStatus(open.db)).toMatchObject({ applied: 0, expected: journal.entries.length });

    await open.migrate();
    expect(await tablesIn(open.db)).toEqual(tables);
    expect(await migrationStatus(open.db)).toEqual({ applied: journal.entries.length, expected: journal.entries.length, missing: [] });

    await open.migrate();
    const applied = await open.db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied.rows[0]?.n).toBe(journal.entries.length);
  });

  it("keep an embedded database on disk: reopened, it has its tables and its rows", { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "web-db-"));
    try {
      open = await openTestDatabase("empty", dir);
      await open.migrate();
      await open.db.insert(schema.projectedEvents).values({ eventId: "e1", name: "studio/brief.submitted", itemKind: "brief", itemId: "b1", eventAt: new Date(0) });
      await open.close();
      open = await openDatabase({ driver: "pglite", dataDir: dir });
      expect((await migrationStatus(open.db)).missing).toEqual([]);
      expect(await open.db.select({ id: schema.projectedEvents.eventId }).from(schema.projectedEvents)).toEqual([{ id: "e1" }]);
    } finally {
      await open?.close();
      open = undefined;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("are committed for the schema as it is: drizzle-kit finds nothing left to generate", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "web-drizzle-"));
    try {
      await cp(migrationsFolder, out, { recursive: true });
      const before = await readdir(out, { recursive: true });
      const { stdout } = await exec(process.execPath, [path.resolve(migrationsFolder, "../node_modules/drizzle-kit/bin.cjs"), "generate", "--dialect=postgresql", "--schema=./src/db/schema/index.ts", `--out=${out}`], {
        cwd: path.resolve(migrationsFolder, ".."),
        timeout: 60_000,
      });
      expect(await readdir(out, { recursive: true }), `schema changed without a migration; run \`pnpm --filter @studio/web db:generate\`:\n${stdout}`).toEqual(before);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});
