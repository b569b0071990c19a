import type { z } from "zod";
import { ConfigError } from "./config-error.ts";

/**
 * Validates an environment against a schema. On failure it throws one ConfigError naming every
 * bad variable with what is wrong and how to fix it, so a misconfigured app stops at start-up
 * instead of failing on its first event.
 */
export function parseEnv<S extends z.ZodType>(
  app: string,
  schema: S,
  source: Record<string, string | undefined>,
): z.output<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
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
