import path from "node:path";
import { z } from "zod";
import { DEPLOYMENT_VARIABLES, optionalVar, parseEnv, secret, studioEnvSchema, varWithDefault } from "@studio/middleware";

/**
 * `next build` imports every route module to collect page data, and with it this file. A build
 * must not need the production secrets (signing and encryption keys): the build machine often
 * does not have them, and nothing talks to Inngest while building. So during the build phase,
 * unless INNGEST_DEV says otherwise, the environment is read in dev mode. Modules are evaluated
 * again when the built app serves (`next start`, each Vercel function) and the real environment
 * is then validated strictly: a production server without its keys answers nothing but an error
 * naming each missing variable.
 */
export const isNextBuild = process.env.NEXT_PHASE === "phase-production-build";
// The build runs with NODE_ENV=production (and on Vercel VERCEL_ENV), which would make the client
// refuse that dev mode as "dev mode in a deployed app": the build serves nothing, so those are dropped too.
const buildSource = () => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !(DEPLOYMENT_VARIABLES as readonly string[]).includes(name))),
  INNGEST_DEV: "1",
});
const source: Record<string, string | undefined> = isNextBuild && !process.env.INNGEST_DEV ? buildSource() : process.env;

/**
 * The web app's variables on top of the shared ones; docs/web.md lists each (env.docs.test.ts
 * checks). Blank values (`PORT=` in a .env file) mean "not set": the default applies.
 */
export const webEnvSchema = studioEnvSchema.extend({
  /**
   * Port of `next start` and `serve`. Next reads it from its command line, not from here (the
   * `start` script passes `${PORT:-3000}`); it is validated here so a bad value is named.
   */
  PORT: varWithDefault(z.coerce.number().int().min(1).max(65535), "3000"),
  /**
   * The console's own Postgres database (docs/web.md, "The store"). Unset: the embedded PGlite
   * database in STUDIO_DATA_DIR, for `pnpm dev` and tests. A deployed app must set it (see
   * database-target.ts). Secret: it carries the database password.
   */
  DATABASE_URL: secret(
    optionalVar(
      z
        .string()
        .refine((url) => /^postgres(ql)?:\/\/[^\s]+$/.test(url), "must be a Postgres connection URL: postgres://user:password@host:5432/database"),
    ),
  ),
  /**
   * Folder of the app's local data: the embedded database (`<dir>/pglite`) when DATABASE_URL is
   * unset. Relative paths are resolved from the app's folder; gitignored.
   */
  STUDIO_DATA_DIR: varWithDefault(z.string().min(1), ".data"),
});

/** The web app's server-side configuration: the only place it reads process.env. */
export const env = parseEnv("web", webEnvSchema, source);
export type Env = typeof env;

/** Absolute path of the local data folder (the embedded database lives in `pglite/` under it). */
export const dataDir = path.resolve(env.STUDIO_DATA_DIR);
