// Deploy step: applies the committed migrations (apps/web/drizzle/) to the database DATABASE_URL
// names, or to the embedded one when it is unset. Run it before a new version serves:
//   pnpm --filter @studio/web db:migrate
// The server itself never migrates a Postgres database (docs/web.md, "The store").
import { dataDir, env } from "../src/env.ts";
import { databaseTarget, describeTarget } from "../src/db/database-target.ts";
import { migrationStatus } from "../src/db/migration-status.ts";
import { openDatabase } from "../src/db/open-database.ts";

try {
  const target = databaseTarget(env, dataDir);
  const open = await openDatabase(target);
  try {
    const before = await migrationStatus(open.db);
    await open.migrate();
    const after = await migrationStatus(open.db);
    if (after.missing.length > 0) throw new Error(`still missing after migrating: ${after.missing.join(", ")}`);
    const applied = before.missing.length;
    console.log(
      `${describeTarget(target)}: ${applied === 0 ? "up to date" : `applied ${applied} migration(s): ${before.missing.join(", ")}`} (${after.expected} in all).`,
    );
  } finally {
    await open.close();
  }
} catch (error) {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
