import { sql } from "drizzle-orm";
import journal from "../../drizzle/meta/_journal.json" with { type: "json" };
import { type Database } from "./open-database.ts";

export type MigrationStatus = {
  /** Migrations this code was built with (drizzle/meta/_journal.json). */
  expected: number;
  /** Of those, how many the database has applied. */
  applied: number;
  /** The tags of the ones it lacks, oldest first. */
  missing: string[];
};

/**
 * Which of the committed migrations a database has applied, read from the table drizzle's
 * migrator keeps (`drizzle.__drizzle_migrations`, one row per migration with the journal's
 * `when` as `created_at`). A database migrated by newer code (a later deploy) counts as up to date.
 */
export async function migrationStatus(db: Database): Promise<MigrationStatus> {
  const entries = journal.entries;
  const exists = await db.execute<{ found: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`);
  let newest = -1;
  if (exists.rows[0]?.found) {
    const rows = await db.execute<{ created_at: string | number }>(sql`select max(created_at) as created_at from drizzle.__drizzle_migrations`);
    const value = rows.rows[0]?.created_at;
    if (value !== null && value !== undefined) newest = Number(value);
  }
  const missing = entries.filter((entry) => entry.when > newest).map((entry) => entry.tag);
  return { expected: entries.length, applied: entries.length - missing.length, missing };
}
