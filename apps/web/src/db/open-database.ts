import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.ts";
import { type DatabaseTarget } from "./database-target.ts";

/** What both drivers return from `db.execute(sql)`: node-postgres and PGlite results have `rows`. */
export interface RowsResultHKT extends PgQueryResultHKT {
  type: Rows<this["row"]>;
}
type Rows<T> = { rows: T[] };

/** The console's database, typed with its schema; the same API whichever driver is below. */
export type Database = PgDatabase<RowsResultHKT, typeof schema>;

export type OpenDatabase = {
  db: Database;
  driver: DatabaseTarget["driver"];
  /** Applies the committed migrations not yet applied (drizzle's migrator; a no-op when up to date). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the database files as one tar (a template for `template`). */
  dump?: () => Promise<Blob>;
};

/**
 * The committed migrations (drizzle-kit's output). Read from the app's folder, where `pnpm dev`,
 * the tests and the `db:migrate` script run; a deployed server never migrates, so it never reads it.
 */
export const migrationsFolder = path.resolve("drizzle");

/**
 * Opens the database a target names. Each driver is loaded only when used, so a production
 * function never loads the PGlite runtime. PGlite is single-connection and in-process; Postgres
 * gets a node-postgres pool (connections are opened on first query).
 */
export async function openDatabase(target: DatabaseTarget, options: { migrationsFolder?: string } = {}): Promise<OpenDatabase> {
  const folder = options.migrationsFolder ?? migrationsFolder;
  if (target.driver === "pglite") {
    const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("drizzle-orm/pglite"),
      import("drizzle-orm/pglite/migrator"),
    ]);
    if (target.dataDir) await mkdir(target.dataDir, { recursive: true });
    const client = new PGlite({ ...(target.dataDir ? { dataDir: target.dataDir } : {}), ...(target.template ? { loadDataDir: target.template } : {}) });
    await client.waitReady;
    const db = drizzle({ client, schema });
    return {
      db: db as unknown as Database,
      driver: "pglite",
      migrate: () => migrate(db, { migrationsFolder: folder }),
      close: () => client.close(),
      dump: () => client.dumpDataDir("none"),
    };
  }
  const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  const pool = new pg.Pool({ connectionString: target.url });
  // An idle connection the server drops emits "error" on the pool; unhandled, it would end the
  // process. The pool replaces it, and the next query reports any lasting problem.
  pool.on("error", (error) => console.error(`[studio-web] database connection lost: ${error.message}`));
  const db = drizzle({ client: pool, schema });
  return {
    db: db as unknown as Database,
    driver: "postgres",
    migrate: () => migrate(db, { migrationsFolder: folder }),
    close: () => pool.end(),
  };
}
