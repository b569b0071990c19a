import { openTestDatabase } from "./test-database.ts";

/**
 * Makes appDatabase() (and so better-auth, the guards, the actions) use a fresh in-memory database
 * from the run's migrated template, instead of opening the embedded one in STUDIO_DATA_DIR (an
 * initdb of its own). Call it before anything asks for the database: appDatabase keeps the one
 * database of the process on globalThis under this key (src/db/app-database.ts).
 */
export function useTestDatabaseAsAppDatabase(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for("@studio/web/database")] = openTestDatabase();
}
