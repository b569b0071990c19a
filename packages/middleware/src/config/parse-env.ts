import type { z } from "zod";
import { secretValuesOf } from "../secrets/secret.ts";
import { declareSecretValues } from "../secrets/secret-registry.ts";
import { ConfigError } from "./config-error.ts";

/**
 * Validates an environment against a schema. On failure it throws one ConfigError naming every
 * bad variable with what is wrong and how to fix it, so a misconfigured app stops at start-up
 * instead of failing on its first event.
 *
 * The values of the variables the schema declares `secret(...)` are recorded for the whole
 * process, so every Studio client scrubs them from what it writes (see secret-registry.ts). The
 * error message never quotes a received value.
 */
export function parseEnv<S extends z.ZodType>(
  app: string,
  schema: S,
  source: Record<string, string | undefined>,
): z.output<S> {
  const result = schema.safeParse(source);
  if (result.success) {
    declareSecretValues(secretValuesOf(schema, result.data as Record<string, unknown>));
    return result.data;
  }
  const lines = result.error.issues.map((issue) => {
    const variable = issue.path.join(".") || "(environment)";
    const received = source[String(issue.path[0])];
    const unset = received === undefined || received === "";
    return `  - ${variable} ${unset ? `is not set (${issue.message})` : `is invalid: ${issue.message}`}`;
  });
  throw new ConfigError(
    `[${app}] invalid configuration:\n${lines.join("\n")}\n` +
      `Set these variables (see .env.example in the app's folder and docs/configuration.md), then restart.`,
  );
}
