import { secretReplacer, type SecretReplacer } from "./secret-replacer.ts";

/**
 * The secret values known to this process: every parseEnv call adds the values of the variables
 * its schema marks `secret(...)`, and every Studio client adds its keys. Process-wide on purpose:
 * an app reads its env once, in env.ts, and from then on everything that writes outside the
 * process (log streams, Sentry, the client's middleware) replaces every known secret, including
 * ones declared after it was set up, without the app passing lists around.
 */
const declared = new Set<string>();
let version = 0;

export function declareSecretValues(values: Iterable<string | undefined>): void {
  for (const value of values) {
    if (typeof value !== "string" || value.trim() === "" || declared.has(value)) continue;
    declared.add(value);
    version++;
  }
}

/** Every secret value declared so far, in declaration order. */
export function declaredSecretValues(): string[] {
  return [...declared];
}

/** A replacer for every secret declared so far, and later: it recompiles when the set grows. */
export function liveSecretReplacer(): SecretReplacer {
  let compiledAt = -1;
  let replace: SecretReplacer = (text) => text;
  return (text) => {
    if (compiledAt !== version) {
      replace = secretReplacer([...declared]);
      compiledAt = version;
    }
    return replace(text);
  };
}
