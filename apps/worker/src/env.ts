import { z } from "zod";
import { ConfigError, inngestMode, optionalVar, parseEnv, secret, studioEnvSchema, varWithDefault } from "@studio/middleware";
import { clientDirectoryVar } from "./config/client-directory.ts";
import { zonedCronVar } from "./config/cron.ts";
import { durationVar } from "./config/duration.ts";
import { rateVar } from "./config/rate.ts";

// Blank values (`WEBHOOK_TOKEN=` in a .env file) mean "not set".
const optionalUrl = optionalVar(z.url({ protocol: /^https?$/ }));
/** Declared secret: scrubbed from logs, Sentry, run errors, outputs and events (docs/middleware.md, "Secrets"). */
const optionalSecret = () => secret(optionalVar(z.string().min(1)));

/**
 * The worker's configuration: the only place it reads process.env. Validated at start-up, so a
 * bad value stops the app with a message naming the variable instead of failing a run later.
 * Local defaults are in .env.development; docs/worker.md lists every variable.
 */
export const workerEnvSchema = studioEnvSchema
  .extend({
    PORT: varWithDefault(z.coerce.number().int().min(1).max(65535), "3001"),
    HOST: varWithDefault(z.string(), "127.0.0.1"),

    // Outside services. Unset in dev = the local stand-ins (see localServiceDefaults below).
    WEBHOOK_URL: optionalUrl,
    WEBHOOK_TOKEN: optionalSecret(),
    EMAIL_API_URL: optionalUrl,
    EMAIL_API_KEY: optionalSecret(),
    RENDITION_URL: optionalUrl,
    RENDITION_API_KEY: optionalSecret(),
    /** How long one outside HTTP call may take before it counts as failed (and is retried). */
    OUTSIDE_CALL_TIMEOUT: varWithDefault(durationVar("10s"), "10s"),

    // Workflow tunables: tests shorten them through the environment, never by editing code.
    APPROVAL_TIMEOUT: varWithDefault(durationVar("3d"), "3d"),
    APPROVAL_REMINDER_AFTER: varWithDefault(durationVar("1d"), "1d"),
    INVOICE_REMINDER_INTERVAL: varWithDefault(durationVar("7d"), "7d"),
    INVOICE_MAX_REMINDERS: varWithDefault(z.coerce.number().int().min(1).max(10), "3"),
    DIGEST_CRON: varWithDefault(zonedCronVar, "TZ=Europe/London 0 9 * * MON"),
    DIGEST_CLIENTS: varWithDefault(clientDirectoryVar, ""),
    RENDITION_RATE: varWithDefault(rateVar("10/1m"), "10/1m"),
  })
  .superRefine((env, ctx) => {
    if (env.APPROVAL_REMINDER_AFTER.ms >= env.APPROVAL_TIMEOUT.ms) {
      ctx.addIssue({
        code: "custom",
        path: ["APPROVAL_REMINDER_AFTER"],
        message: `must be shorter than APPROVAL_TIMEOUT (${env.APPROVAL_TIMEOUT.text}), or the reminder would come after the brief expired`,
      });
    }
  });

const parsed = parseEnv("worker", workerEnvSchema, process.env);

/** Where the outside services are when nothing is configured: a developer machine running `pnpm dev`. */
function localServiceDefaults(origin: string) {
  return {
    WEBHOOK_URL: "http://127.0.0.1:3000/api/outbox/webhook",
    EMAIL_API_URL: "http://127.0.0.1:3000/api/outbox/email",
    RENDITION_URL: `${origin}/local/rendition`,
  };
}

function resolveServiceUrls(env: typeof parsed) {
  const { isDev } = inngestMode(env);
  const local = localServiceDefaults(`http://${env.HOST}:${env.PORT}`);
  const missing = (["WEBHOOK_URL", "EMAIL_API_URL", "RENDITION_URL"] as const).filter((name) => !env[name]);
  if (!isDev && missing.length > 0) {
    throw new ConfigError(
      `[worker] ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set, and cloud mode has no local stand-ins: ` +
        `set each to the real service's URL (docs/worker.md, "Outside services").`,
    );
  }
  return {
    WEBHOOK_URL: env.WEBHOOK_URL ?? local.WEBHOOK_URL,
    EMAIL_API_URL: env.EMAIL_API_URL ?? local.EMAIL_API_URL,
    RENDITION_URL: env.RENDITION_URL ?? local.RENDITION_URL,
    /** True when renditions come from the worker's own stand-in route (so it must serve it). */
    usesLocalRendition: !env.RENDITION_URL,
  };
}

export const env = { ...parsed, ...resolveServiceUrls(parsed) };
export type Env = typeof env;
