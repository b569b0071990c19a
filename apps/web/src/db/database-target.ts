import path from "node:path";
import { ConfigError, deploymentSignal } from "@studio/middleware";
import { type Env } from "../env.ts";

/** Where the console keeps its data: the embedded PGlite database, or a Postgres server. */
export type DatabaseTarget =
  | {
      driver: "pglite";
      /** Folder of the database files; undefined keeps the database in memory (unit tests). */
      dataDir: string | undefined;
      /**
       * A dump (`dumpDataDir()`) to start from instead of running initdb: opening one takes about
       * a second, initdb in WebAssembly several (unit tests start each database from one).
       */
      template?: Blob;
    }
  | { driver: "postgres"; url: string };

/**
 * The database this environment uses. DATABASE_URL, when set, is a Postgres server reached with
 * node-postgres (production: Neon, Supabase, Vercel Postgres, any Postgres 13+). Unset, the
 * embedded PGlite database in `<STUDIO_DATA_DIR>/pglite` (`pnpm dev`). A deployed app without
 * DATABASE_URL is refused: its filesystem is read-only or thrown away with the instance, so an
 * embedded database there would lose what operators did.
 */
export function databaseTarget(env: Pick<Env, "DATABASE_URL" | "NODE_ENV" | "VERCEL_ENV" | "AWS_LAMBDA_FUNCTION_NAME" | "K_SERVICE" | "FLY_APP_NAME" | "RENDER">, dataDir: string): DatabaseTarget {
  if (env.DATABASE_URL) return { driver: "postgres", url: env.DATABASE_URL };
  const deployed = deploymentSignal(env);
  if (deployed) {
    throw new ConfigError(
      `[studio-web] DATABASE_URL is not set, and this app runs deployed (${deployed}). The embedded database is for ` +
        `local development only; set DATABASE_URL to a Postgres database (postgres://user:password@host:5432/database) ` +
        `and run \`pnpm --filter @studio/web db:migrate\` against it as a deploy step (docs/web.md, "The store").`,
    );
  }
  return { driver: "pglite", dataDir: path.join(dataDir, "pglite") };
}

/** The target for messages and logs, without the password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.driver === "pglite") return target.dataDir ? `embedded PGlite database in ${target.dataDir}` : "in-memory PGlite database";
  try {
    const url = new URL(target.url);
    return `Postgres database ${decodeURIComponent(url.pathname.slice(1)) || "(default)"} at ${url.hostname}${url.port ? `:${url.port}` : ""}`;
  } catch {
    return "Postgres database at DATABASE_URL";
  }
}
