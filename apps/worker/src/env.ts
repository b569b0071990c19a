import { z } from "zod";
import { ConfigError, deploymentSignal, envFlag, inngestMode, LOCAL_OUTBOX_TOKEN, optionalVar, parseEnv, secret, studioEnvSchema, varWithDefault } from "@studio/middleware";
import { clientDirectoryVar } from "./config/client-directory.ts";
import { zonedCronVar } from "./config/cron.ts";
import { batchTimeoutVar } from "./config/batch-timeout.ts";
import { durationVar } from "./config/duration.ts";
import { rateVar } from "./config/rate.ts";
import { targetHostsVar } from "./config/target-hosts.ts";

// Blank values (`WEBHOOK_TOKEN=` in a .env file) mean "not set".
const url = () => optionalVar(z.url({ protocol: /^https?$/ }));
const optionalUrl = url();
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
    /** A Slack incoming-webhook URL is a credential: declared secret. */
    WEBHOOK_URL: secret(url()),
    WEBHOOK_TOKEN: optionalSecret(),
    /** Send team messages with step.fetch (recorded in Inngest traces). Off: from the worker, in step.run. */
    WEBHOOK_VIA_INNGEST: optionalVar(envFlag),
    EMAIL_API_URL: optionalUrl,
    EMAIL_API_KEY: optionalSecret(),
    RENDITION_URL: optionalUrl,
    RENDITION_API_KEY: optionalSecret(),
    /** How long one outside HTTP call may take before it counts as failed (and is retried). */
    OUTSIDE_CALL_TIMEOUT: varWithDefault(durationVar("10s"), "10s"),
    /** Hosts a URL from event data (a webhook reminder's target) may name. Empty: none. */
    EVENT_TARGET_HOSTS: varWithDefault(targetHostsVar, ""),
    /** Local development only: such URLs may resolve to loopback/private addresses and use http. */
    EVENT_TARGET_ALLOW_PRIVATE: optionalVar(envFlag),

    // Workflow tunables: tests shorten them through the environment, never by editing code.
    APPROVAL_TIMEOUT: varWithDefault(durationVar("3d"), "3d"),
    APPROVAL_REMINDER_AFTER: varWithDefault(durationVar("1d"), "1d"),
    INVOICE_REMINDER_INTERVAL: varWithDefault(durationVar("7d"), "7d"),
    INVOICE_MAX_REMINDERS: varWithDefault(z.coerce.number().int().min(1).max(10), "3"),
    DIGEST_CRON: varWithDefault(zonedCronVar, "TZ=Europe/London 0 9 * * MON"),
    DIGEST_CLIENTS: varWithDefault(clientDirectoryVar, ""),
    RENDITION_RATE: varWithDefault(rateVar("10/1m"), "10/1m"),
    /** Email-sending steps in flight at once, across every emailing function (the provider's budget). */
    EMAIL_CONCURRENCY: varWithDefault(z.coerce.number().int().min(1).max(1000), "10"),
    /** index-assets: most processed assets per batch, and the longest a batch waits to fill. */
    INDEX_BATCH_SIZE: varWithDefault(z.coerce.number().int().min(1).max(100), "50"),
    INDEX_BATCH_TIMEOUT: varWithDefault(batchTimeoutVar, "10s"),
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
    // The web app's local outbox takes only requests with an API token; on this machine it has the
    // public dev token (never where deployed). Not with WEBHOOK_VIA_INNGEST, which sends no token.
    WEBHOOK_TOKEN: env.WEBHOOK_TOKEN ?? (env.WEBHOOK_URL || env.WEBHOOK_VIA_INNGEST ? undefined : LOCAL_OUTBOX_TOKEN),
    EMAIL_API_KEY: env.EMAIL_API_KEY ?? (env.EMAIL_API_URL ? undefined : LOCAL_OUTBOX_TOKEN),
    /** True when renditions come from the worker's own stand-in route (so it must serve it). */
    usesLocalRendition: !env.RENDITION_URL,
  };
}

/** The private-target allowance is for a developer machine only: refused where real data flows. */
function checkTargetAllowance(env: typeof parsed) {
  if (!env.EVENT_TARGET_ALLOW_PRIVATE) return;
  const where = !inngestMode(env).isDev ? "in cloud mode" : deploymentSignal(env) ? `in a deployed app (${deploymentSignal(env)})` : undefined;
  if (where) {
    throw new ConfigError(
      `[worker] EVENT_TARGET_ALLOW_PRIVATE is set ${where}. It lets addresses taken from event data reach loopback and private ` +
        `networks (local development only): unset it, and list the public hosts reminders may post to in EVENT_TARGET_HOSTS.`,
    );
  }
}
checkTargetAllowance(parsed);
if (parsed.WEBHOOK_VIA_INNGEST && parsed.WEBHOOK_TOKEN) {
  throw new ConfigError(
    "[worker] WEBHOOK_VIA_INNGEST and WEBHOOK_TOKEN are both set: with WEBHOOK_VIA_INNGEST the team webhook is called through " +
      "step.fetch, whose request (headers included) Inngest records in every run's trace, so the token would be stored there. " +
      "Unset WEBHOOK_VIA_INNGEST (messages are then sent from the worker) or use a webhook that needs no token.",
  );
}

export const env = { ...parsed, ...resolveServiceUrls(parsed) };
export type Env = typeof env;
