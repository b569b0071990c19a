import type { z } from "zod";

/** The schemas of variables declared secret (the field's schema object itself is the mark). */
const secretSchemas = new WeakSet<z.ZodType>();

/**
 * Declares an env variable secret, where its schema is written in the app's env.ts:
 *
 *   WEBHOOK_TOKEN: secret(optionalVar(z.string().min(1))),
 *
 * Nothing else is needed: parseEnv records the value, and every Studio client in the process
 * blanks it out of log lines, Sentry events, errors of runs, step outputs and sent events (see
 * docs/middleware.md, "Secrets"). Returns the same schema, so it composes with anything.
 */
export function secret<T extends z.ZodType>(schema: T): T {
  secretSchemas.add(schema);
  return schema;
}

/** The names of the variables an env schema (a zod object, possibly refined) declares secret. */
export function secretFieldNames(schema: z.ZodType): string[] {
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) return [];
  return Object.keys(shape).filter((name) => secretSchemas.has(shape[name]!));
}

/** The string values of the secret variables in a parsed env (lists, e.g. fallback keys, give each entry). */
export function secretValuesOf(schema: z.ZodType, env: Record<string, unknown>): string[] {
  return secretFieldNames(schema).flatMap((name) => stringsIn(env[name]));
}

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  return [];
}
