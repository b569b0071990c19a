import { z } from "zod";
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
  INNGEST_SIGNING_KEY: optionalVar(z.string()),
  INNGEST_SIGNING_KEY_FALLBACK: optionalVar(z.string()),
  INNGEST_EVENT_KEY: optionalVar(z.string()),
  INNGEST_ENV: optionalVar(z.string()),
  LOG_LEVEL: z.preprocess(blankAsUnset, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
});
export type InngestEnv = z.output<typeof inngestEnvSchema>;

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
