import { getStudioLogger } from "@studio/middleware";
import { dataDir, env } from "../env.ts";
import { inngest } from "../inngest/client.ts";
import { databaseTarget, describeTarget } from "./database-target.ts";
import { migrationStatus } from "./migration-status.ts";
import { openDatabase, type Database, type OpenDatabase } from "./open-database.ts";

// One database per process, kept on globalThis: `next dev` re-evaluates modules on every edit, and
// a second PGlite instance on the same folder would corrupt it.
const KEY = Symbol.for("@studio/web/database");
type Holder = { [KEY]?: Promise<OpenDatabase> };

/**
 * The app's database, opened on first use (instrumentation-node.ts opens it at start-up, so a
 * broken configuration stops the server before it serves). The embedded database is migrated
 * here, as it opens; a Postgres server is only checked: it is migrated by the deploy step
 * (`pnpm --filter @studio/web db:migrate`), never by a request.
 */
export function appDatabase(): Promise<Database> {
  const holder = globalThis as Holder;
  let opening = holder[KEY];
  if (!opening) {
    opening = openAppDatabase();
    holder[KEY] = opening;
    // A failed open is not kept: the next request tries again (and reports the problem again).
    opening.catch(() => {
      if (holder[KEY] === opening) delete holder[KEY];
    });
  }
  return opening.then((open) => open.db);
}

async function openAppDatabase(): Promise<OpenDatabase> {
  const target = databaseTarget(env, dataDir);
  const open = await openDatabase(target);
  const logger = getStudioLogger(inngest);
  try {
    if (target.driver === "pglite") {
      await open.migrate();
    } else {
      const status = await migrationStatus(open.db);
      if (status.missing.length > 0) {
        throw new Error(
          `The ${describeTarget(target)} lacks ${status.missing.length} of this version's ${status.expected} migrations ` +
            `(${status.missing.join(", ")}). Run \`pnpm --filter @studio/web db:migrate\` with this DATABASE_URL as a deploy step, before the new version serves (docs/web.md, "The store").`,
        );
      }
    }
  } catch (error) {
    await open.close().catch(() => undefined);
    throw error;
  }
  logger.info({ database: describeTarget(target) }, "web database ready");
  return open;
}
