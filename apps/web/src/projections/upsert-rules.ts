import { sql, type SQL } from "drizzle-orm";
import { type PgColumn } from "drizzle-orm/pg-core";

/** The value an upsert proposes for a column (Postgres' `excluded` row). */
export const proposed = (column: PgColumn): SQL => sql.raw(`excluded."${column.name}"`);

/**
 * The `set` of an upsert that takes the proposed values of `columns` only where `when` holds
 * (written in terms of the stored row and `proposed(...)`), and keeps the stored ones otherwise.
 * Every expression sees the row as stored, so one condition decides for the whole group.
 */
export function takeWhen<TColumns extends Record<string, PgColumn>>(when: SQL, columns: TColumns): { [K in keyof TColumns]: SQL } {
  const set = {} as { [K in keyof TColumns]: SQL };
  for (const key of Object.keys(columns) as (keyof TColumns)[]) {
    const column = columns[key]!;
    set[key] = sql`case when ${when} then ${proposed(column)} else ${column} end`;
  }
  return set;
}

/** Stored value is unset: the first event of its kind wins (a fact that happens once). */
export const unset = (column: PgColumn): SQL => sql`${column} is null`;

/** The proposed time is newer than the stored one, or none is stored: the newest event wins. */
export const newer = (column: PgColumn): SQL => sql`(${column} is null or ${proposed(column)} > ${column})`;

/** The later of the stored and the proposed time. */
export const latest = (column: PgColumn): SQL => sql`greatest(${column}, ${proposed(column)})`;
