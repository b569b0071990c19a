import { dependencyInjectionMiddleware, Inngest, type ClientOptions, type Middleware } from "inngest";
import type { DestinationStream } from "pino";
import { ConfigError } from "./config/config-error.ts";
import { deploymentSignal, inngestMode, type InngestEnv } from "./config/inngest-env.ts";
import { studioEnvSchema, type StudioEnv } from "./config/studio-env.ts";
import { createEncryptionMiddleware } from "./encryption/create-encryption-middleware.ts";
import { keyFingerprint } from "./encryption/key-fingerprint.ts";
import { resolveEncryptionKeys } from "./encryption/resolve-encryption-keys.ts";
import { createStudioLogger, type StudioLogger } from "./logging/create-studio-logger.ts";
import { runLoggerMiddleware } from "./logging/run-logger-middleware.ts";
import { StepTimingMiddleware } from "./middleware/step-timing-middleware.ts";
import { initSentry, type SentrySetup } from "./sentry/init-sentry.ts";
import { StudioSentryMiddleware } from "./sentry/studio-sentry-middleware.ts";
import { secretValuesOf } from "./secrets/secret.ts";
import { declareSecretValues, liveSecretReplacer } from "./secrets/secret-registry.ts";

/**
 * The env createStudioClient reads. Parse it with `studioEnvSchema` (extended with the app's own
 * variables); the encryption and Sentry variables are optional in the type so that an env parsed
 * with the older `inngestEnvSchema` still type-checks; the rules are then applied here at start-up.
 */
export type StudioClientEnv = InngestEnv &
  Partial<Pick<StudioEnv, "STUDIO_ENCRYPTION_KEY" | "STUDIO_ENCRYPTION_FALLBACK_KEYS" | "SENTRY_DSN" | "SENTRY_ENVIRONMENT">>;

export interface StudioClientOptions<
  TId extends string,
  TServices extends Record<string, unknown> = Record<never, never>,
  TExtra extends Middleware.Class[] = [],
> {
  /** The Inngest app id, e.g. "studio-worker". It prefixes every function slug: keep it stable. */
  id: TId;
  /** The app's validated environment (from its env.ts). */
  env: StudioClientEnv;
  /**
   * Outside-service clients (webhook, email, rendition, model provider...) handed to every
   * function as typed ctx properties: `services: { email }` → `async ({ email }) => ...`.
   */
  services?: TServices;
  /** App-specific middleware, run after the shared stack and before encryption (so it sees plaintext). */
  middleware?: TExtra;
  /** Where log lines go (default stdout). Tests pass a stream that collects them. */
  logDestination?: DestinationStream;
  /** Sentry transport override: tests pass one that records envelopes in memory. Needs SENTRY_DSN. */
  sentryTransport?: SentrySetup["transport"];
  /** Passed to the Inngest client; the SDK default (on) applies when unset. */
  checkpointing?: ClientOptions["checkpointing"];
  /** Shown in the Inngest dashboard, e.g. the git sha. */
  appVersion?: string;
}

const loggers = new WeakMap<object, StudioLogger>();

/**
 * The one way a Studio app builds its Inngest client. Mode (dev or cloud) and keys come from the
 * validated env, and every misconfiguration stops the app here, at start-up, with a ConfigError
 * naming the variable.
 *
 * Middleware order (fixed; the SDK's own logger middleware always runs before all of these).
 * Wrap hooks nest with the first one outermost; transform hooks run in this order:
 *   1. run logger   - binds app/function/run/event ids + attempt to ctx.logger and to every line
 *                     written during the request; first so that everything after it logs with ids.
 *   2. step timing  - one "step finished" line per step attempt, with its duration.
 *   3. Sentry       - reports a run's final failure once, tagged with the ids; flushes when needed.
 *   4. services     - dependencyInjectionMiddleware: the `services` object, typed, in ctx.
 *   5. app extras   - the `middleware` option.
 *   6. encryption   - LAST, so it is innermost: it encrypts step outputs and the function result
 *                     after every other middleware has run, and decrypts stored data before any
 *                     other middleware sees it. Only ciphertext ever leaves the process. It also
 *                     blanks the secret values out of step outputs, run errors and sent events.
 *
 * Secrets: every value the app's env.ts declares `secret(...)` (recorded by parseEnv), plus the
 * shared ones (Inngest keys, encryption keys, Sentry DSN) even when the env was not parsed, is
 * replaced by "[redacted]" in log lines, Sentry events, run errors, step outputs and sent events.
 * A deployed app (see deploymentSignal) refuses dev mode unless STUDIO_UNSAFE_ALLOW_DEV_MODE is set.
 * See docs/middleware.md.
 */
export function createStudioClient<
  const TId extends string,
  TServices extends Record<string, unknown> = Record<never, never>,
  const TExtra extends Middleware.Class[] = [],
>({
  id,
  env,
  services,
  middleware,
  logDestination,
  sentryTransport,
  checkpointing,
  appVersion,
}: StudioClientOptions<TId, TServices, TExtra>) {
  const { isDev, baseUrl } = inngestMode(env);
  const deployed = deploymentSignal(env);
  if (isDev && deployed && !env.STUDIO_UNSAFE_ALLOW_DEV_MODE) {
    throw new ConfigError(
      `[${id}] INNGEST_DEV is set, but this app runs deployed (${deployed}). Dev mode accepts unsigned requests ` +
        `(anyone who can reach the app can run its functions) and allows the public dev-only encryption key, so it ` +
        `is refused here: unset INNGEST_DEV and set INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY and STUDIO_ENCRYPTION_KEY. ` +
        `Only for a throwaway deployment that must talk to a Dev Server, set STUDIO_UNSAFE_ALLOW_DEV_MODE=1.`,
    );
  }
  if (!isDev && !env.INNGEST_SIGNING_KEY) {
    throw new ConfigError(
      `[${id}] INNGEST_SIGNING_KEY is not set, and it is required in cloud mode. ` +
        `For local development set INNGEST_DEV=1 (or the Dev Server's URL); in production copy the signing key from the Inngest dashboard.`,
    );
  }
  if (!isDev && !env.INNGEST_EVENT_KEY) {
    throw new ConfigError(
      `[${id}] INNGEST_EVENT_KEY is not set, and it is required in cloud mode: every Studio app sends events. ` +
        `Create an event key in the Inngest dashboard (Manage → Event keys) for this app.`,
    );
  }
  const keys = resolveEncryptionKeys(id, env, isDev && !deployed);
  // Those parseEnv recorded are known already; these cover an env that was built some other way.
  const secrets = [...secretValuesOf(studioEnvSchema, env), keys.key, ...keys.fallbackKeys];
  declareSecretValues(secrets);
  const logger = createStudioLogger({ appId: id, level: env.LOG_LEVEL, destination: logDestination, secrets });
  if (isDev && deployed) {
    logger.error(
      { deployed },
      "UNSAFE: dev mode in a deployed app (STUDIO_UNSAFE_ALLOW_DEV_MODE=1). Requests are NOT signature-checked: anyone who can reach this app can run its functions. Never use this for real data.",
    );
  }
  if (keys.usingDevKey) {
    logger.warn(
      { keyFingerprint: keyFingerprint(keys.key) },
      "STUDIO_ENCRYPTION_KEY is not set: using the built-in DEV-ONLY encryption key. Data is not protected; this is refused in cloud mode and in a deployed app.",
    );
  }
  const sentryOn = initSentry({
    dsn: env.SENTRY_DSN,
    environment: env.SENTRY_ENVIRONMENT ?? (isDev ? "development" : "production"),
    secrets,
    ...(sentryTransport ? { transport: sentryTransport } : {}),
  });
  // Fingerprints, not keys: lets each step of a key rotation be checked in the logs.
  logger.info(
    {
      mode: isDev ? "dev" : "cloud",
      keyFingerprint: keyFingerprint(keys.key),
      fallbackKeyFingerprints: keys.fallbackKeys.map(keyFingerprint),
      sentry: sentryOn ? "on" : "off",
    },
    "Studio Inngest client ready",
  );

  const client = new Inngest({
    id,
    isDev,
    logger,
    ...(baseUrl ? { baseUrl } : {}),
    ...(env.INNGEST_SIGNING_KEY ? { signingKey: env.INNGEST_SIGNING_KEY } : {}),
    ...(env.INNGEST_SIGNING_KEY_FALLBACK ? { signingKeyFallback: env.INNGEST_SIGNING_KEY_FALLBACK } : {}),
    ...(env.INNGEST_EVENT_KEY ? { eventKey: env.INNGEST_EVENT_KEY } : {}),
    ...(env.INNGEST_ENV ? { env: env.INNGEST_ENV } : {}),
    ...(checkpointing !== undefined ? { checkpointing } : {}),
    ...(appVersion ? { appVersion } : {}),
    middleware: [
      runLoggerMiddleware(logger),
      StepTimingMiddleware,
      StudioSentryMiddleware,
      dependencyInjectionMiddleware((services ?? {}) as TServices),
      ...((middleware ?? []) as TExtra),
      createEncryptionMiddleware(keys, logger, liveSecretReplacer()),
    ],
  });
  loggers.set(client, logger);
  return client;
}
export type StudioClient = ReturnType<typeof createStudioClient>;

/**
 * The root logger of a client built by createStudioClient, for lines outside runs (start-up,
 * HTTP server). Inside a function use `ctx.logger`, which carries the run's ids.
 */
export function getStudioLogger(client: object): StudioLogger {
  const logger = loggers.get(client);
  if (!logger) throw new Error("getStudioLogger: this client was not built by createStudioClient");
  return logger;
}
