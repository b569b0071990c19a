import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { openDatabase, type OpenDatabase } from "../db/open-database.ts";

/**
 * A fresh in-memory PGlite database, from the run's template (database-templates.global-setup.ts):
 * `migrated` (default) has every committed migration applied, `empty` none. Close it after the tests.
 */
export async function openTestDatabase(template: "migrated" | "empty" = "migrated", dataDir?: string): Promise<OpenDatabase> {
  const file = inject("webDatabaseTemplates")[template];
  return openDatabase({ driver: "pglite", dataDir, template: new Blob([await readFile(file)]) });
}
