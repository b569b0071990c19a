import path from "node:path";
import { z } from "zod";
import { DEPLOYMENT_VARIABLES, deploymentSignal, GENERATE_KEY_COMMAND, optionalVar, parseEnv, secret, studioEnvSchema, varWithDefault } from "@studio/middleware";
import { DEV_AUTH_SECRET } from "./auth/dev-auth-secret.ts";

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
  /**
   * Signs session cookies (better-auth). Required where the app is deployed; on a developer
   * machine a public dev-only value is used, so `./pnpm dev` needs nothing.
   */
  BETTER_AUTH_SECRET: secret(optionalVar(z.string().min(32, `must be at least 32 characters: generate one with \`${GENERATE_KEY_COMMAND}\``))),
  /** The console's public URL, e.g. https://studio.example.com. Required where deployed; locally http://127.0.0.1:<PORT>. */
  BETTER_AUTH_URL: optionalVar(z.url({ protocol: /^https?$/ })),
  /** Google sign-in (an OAuth client of Google Cloud); on when both are set. */
  GOOGLE_CLIENT_ID: optionalVar(z.string().min(1)),
  GOOGLE_CLIENT_SECRET: secret(optionalVar(z.string().min(1))),
  /** Only accounts of this Google Workspace domain may sign in with Google (e.g. studio.example.com). */
  GOOGLE_WORKSPACE_DOMAIN: optionalVar(z.string().min(1)),
  /** GitHub sign-in (an OAuth app of GitHub); on when both are set. */
  GITHUB_CLIENT_ID: optionalVar(z.string().min(1)),
  GITHUB_CLIENT_SECRET: secret(optionalVar(z.string().min(1))),
  /** The local admin `./pnpm dev` creates on a developer machine (never where deployed). */
  STUDIO_DEV_ADMIN_EMAIL: varWithDefault(z.email(), "admin@studio.local"),
  STUDIO_DEV_ADMIN_PASSWORD: varWithDefault(z.string().min(12, "must be at least 12 characters"), "studio-admin-local"),
  /** Only read by `pnpm --filter @studio/web create-admin`: the new admin's password (blank: OAuth sign-in only). */
  STUDIO_NEW_ADMIN_PASSWORD: secret(optionalVar(z.string().min(12, "must be at least 12 characters"))),
  /**
   * On a developer machine only: an API token with this value and every scope is created at start,
   * so scripts and test suites can call the JSON API without the Admin page. Ignored where deployed.
   */
  STUDIO_DEV_API_TOKEN: secret(optionalVar(z.string().min(20, "must be at least 20 characters"))),
}).superRefine((env, ctx) => {
  const deployed = deploymentSignal(env);
  const fail = (variable: string, message: string) => ctx.addIssue({ code: "custom", path: [variable], message });
  if (deployed && !env.BETTER_AUTH_SECRET) fail("BETTER_AUTH_SECRET", `a deployed console (${deployed}) signs sessions with it: generate one with \`${GENERATE_KEY_COMMAND}\``);
  if (deployed && env.BETTER_AUTH_SECRET === DEV_AUTH_SECRET) fail("BETTER_AUTH_SECRET", `is the public dev-only value; generate a real one with \`${GENERATE_KEY_COMMAND}\``);
  if (deployed && !env.BETTER_AUTH_URL) fail("BETTER_AUTH_URL", `a deployed console (${deployed}) needs its public URL, e.g. https://studio.example.com`);
  for (const [id, secretName] of [["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"], ["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET"]] as const) {
    if (Boolean(env[id]) !== Boolean(env[secretName])) fail(env[id] ? secretName : id, `${id} and ${secretName} go together: set both to turn the sign-in on, or neither`);
  }
});

/** The web app's server-side configuration: the only place it reads process.env. */
export const env = parseEnv("web", webEnvSchema, source);
export type Env = typeof env;

/** Where the console runs deployed (why, as "VARIABLE=value"), or undefined on a developer machine. */
export const deployedBecause = deploymentSignal(env);

/** better-auth's settings, with the dev-only defaults filled in on a developer machine. */
export const authEnv = {
  secret: env.BETTER_AUTH_SECRET ?? DEV_AUTH_SECRET,
  baseURL: env.BETTER_AUTH_URL ?? `http://127.0.0.1:${env.PORT}`,
  trustedOrigins: deployedBecause ? [] : [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`],
  google: env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET ? { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET, workspaceDomain: env.GOOGLE_WORKSPACE_DOMAIN } : undefined,
  github: env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET ? { clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET } : undefined,
  devAdmin: deployedBecause ? undefined : { email: env.STUDIO_DEV_ADMIN_EMAIL, password: env.STUDIO_DEV_ADMIN_PASSWORD },
  devApiToken: deployedBecause ? undefined : env.STUDIO_DEV_API_TOKEN,
};


/** Absolute path of the local data folder (the embedded database lives in `pglite/` under it). */
export const dataDir = path.resolve(env.STUDIO_DATA_DIR);
