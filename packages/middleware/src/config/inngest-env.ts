import { z } from "zod";
import { secret } from "../secrets/secret.ts";
import { blankAsUnset, optionalVar } from "./blank-as-unset.ts";

/** Turns "1"/"true"/"0"/"false" (any case) into a boolean; anything else is left for zod to reject. */
export const envFlag = z
  .enum(["1", "0", "true", "false", "TRUE", "FALSE", "True", "False"])
  .transform((v) => v === "1" || v.toLowerCase() === "true");

/**
 * The Inngest settings every app reads from its environment. Apps extend this schema (or, better,
 * `studioEnvSchema`, which adds encryption and Sentry) in their own env.ts, the only place
 * process.env is read, and hand the parsed result to createStudioClient.
 */
export const inngestEnvSchema = z.object({
  /** "1" for a Dev Server on localhost:8288, or the Dev Server's URL. Unset or "0" means cloud. */
  INNGEST_DEV: optionalVar(z.string()),
  INNGEST_BASE_URL: optionalVar(z.url()),
  INNGEST_SIGNING_KEY: secret(optionalVar(z.string())),
  INNGEST_SIGNING_KEY_FALLBACK: secret(optionalVar(z.string())),
  INNGEST_EVENT_KEY: secret(optionalVar(z.string())),
  INNGEST_ENV: optionalVar(z.string()),
  LOG_LEVEL: z.preprocess(blankAsUnset, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  /**
   * Dev mode turns off request signing and allows the public dev-only encryption key, so a
   * deployed app refuses it at start-up unless this is set (see deploymentSignal).
   */
  STUDIO_UNSAFE_ALLOW_DEV_MODE: optionalVar(envFlag),
  // Read only to tell whether the app runs deployed (deploymentSignal); never set them yourself.
  NODE_ENV: optionalVar(z.string()),
  VERCEL_ENV: optionalVar(z.string()),
  AWS_LAMBDA_FUNCTION_NAME: optionalVar(z.string()),
  K_SERVICE: optionalVar(z.string()),
  FLY_APP_NAME: optionalVar(z.string()),
  RENDER: optionalVar(z.string()),
});
export type InngestEnv = z.output<typeof inngestEnvSchema>;

/**
 * Why the environment looks like a deployed app, as "VARIABLE=value", or undefined on a developer
 * machine or in tests. Vercel (production and preview; `vercel dev` says development), any
 * NODE_ENV=production process, AWS Lambda, Cloud Run, Fly.io and Render are recognised.
 */
export function deploymentSignal(env: Partial<Pick<InngestEnv, DeploymentVariable>>): string | undefined {
  if (env.VERCEL_ENV === "production" || env.VERCEL_ENV === "preview") return `VERCEL_ENV=${env.VERCEL_ENV}`;
  if (env.NODE_ENV === "production") return "NODE_ENV=production";
  for (const name of ["AWS_LAMBDA_FUNCTION_NAME", "K_SERVICE", "FLY_APP_NAME", "RENDER"] as const) {
    if (env[name]) return `${name}=${env[name]}`;
  }
  return undefined;
}
/** The variables deploymentSignal reads. */
export const DEPLOYMENT_VARIABLES = ["NODE_ENV", "VERCEL_ENV", "AWS_LAMBDA_FUNCTION_NAME", "K_SERVICE", "FLY_APP_NAME", "RENDER"] as const;
type DeploymentVariable = (typeof DEPLOYMENT_VARIABLES)[number];

/** Where the client sends events and API calls, derived once from INNGEST_DEV. */
export function inngestMode(env: Pick<InngestEnv, "INNGEST_DEV" | "INNGEST_BASE_URL">): {
  isDev: boolean;
  baseUrl: string | undefined;
} {
  const dev = env.INNGEST_DEV?.trim();
  if (!dev || dev === "0" || dev.toLowerCase() === "false") return { isDev: false, baseUrl: env.INNGEST_BASE_URL };
  if (dev === "1" || dev.toLowerCase() === "true") return { isDev: true, baseUrl: env.INNGEST_BASE_URL };
  return { isDev: true, baseUrl: env.INNGEST_BASE_URL ?? dev };
}
