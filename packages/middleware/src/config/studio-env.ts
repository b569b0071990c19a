import { z } from "zod";
import { secret } from "../secrets/secret.ts";
import { optionalVar } from "./blank-as-unset.ts";
import { encryptionKeyProblem } from "./encryption-key-rules.ts";
import { inngestEnvSchema } from "./inngest-env.ts";
import { sentryDsnProblem } from "./sentry-dsn-problem.ts";


const encryptionKey = z.string().superRefine((key, ctx) => {
  const problem = encryptionKeyProblem(key);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/**
 * Comma-separated list of previous keys, only used to decrypt (see docs/runbooks/key-rotation.md).
 * Each entry must itself be a well-formed key.
 */
const fallbackKeys = z
  .string()
  .transform((raw) => raw.split(",").map((k) => k.trim()).filter(Boolean))
  .superRefine((keys, ctx) => {
    keys.forEach((key, i) => {
      const problem = encryptionKeyProblem(key);
      if (problem) ctx.addIssue({ code: "custom", message: `entry ${i + 1} ${problem}` });
    });
  });

const sentryDsn = z.string().superRefine((dsn, ctx) => {
  const problem = sentryDsnProblem(dsn);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/**
 * Everything the shared client factory reads: the Inngest settings plus encryption, Sentry and
 * logging. Apps extend it in their env.ts:
 *
 *   export const env = parseEnv("worker", studioEnvSchema.extend({ PORT: ... }), process.env);
 *
 * Cross-variable rules (a key is required in cloud mode) are checked by createStudioClient, because
 * a zod object with refinements can no longer be `.extend()`ed.
 */
export const studioEnvSchema = inngestEnvSchema.extend({
  /** Encrypts step outputs, function results and `data.encrypted` of sent events. Required in cloud mode. */
  STUDIO_ENCRYPTION_KEY: secret(optionalVar(encryptionKey)),
  /** Previous keys, comma-separated, tried when decrypting only. */
  STUDIO_ENCRYPTION_FALLBACK_KEYS: secret(optionalVar(fallbackKeys)),
  /** Sentry project DSN. Unset = error reporting off. */
  SENTRY_DSN: secret(optionalVar(sentryDsn)),
  /** Sentry environment tag; defaults to "development" in dev mode and "production" in cloud mode. */
  SENTRY_ENVIRONMENT: optionalVar(z.string()),
});
export type StudioEnv = z.output<typeof studioEnvSchema>;
