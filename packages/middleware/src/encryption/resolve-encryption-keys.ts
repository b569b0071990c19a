import { ConfigError } from "../config/config-error.ts";
import { encryptionKeyProblem, GENERATE_KEY_HINT } from "../config/encryption-key-rules.ts";
import type { StudioEnv } from "../config/studio-env.ts";
import { DEV_ONLY_ENCRYPTION_KEY } from "./dev-encryption-key.ts";

export type EncryptionKeys = {
  /** Encrypts everything; tried first when decrypting. */
  key: string;
  /** Tried, in order, after `key` when decrypting. Never used to encrypt. */
  fallbackKeys: string[];
  /** True when the public dev-only key is in use (dev mode without STUDIO_ENCRYPTION_KEY). */
  usingDevKey: boolean;
};

const OUTSIDE_DEV = "in cloud mode and in a deployed app";

type KeyEnv = Partial<Pick<StudioEnv, "STUDIO_ENCRYPTION_KEY" | "STUDIO_ENCRYPTION_FALLBACK_KEYS">>;

/**
 * Picks the encryption keys from the validated env. In cloud mode, and in a deployed app even in
 * dev mode, a real key is mandatory and the public dev-only key is refused (as the key and as a
 * fallback: a public fallback key would let anyone forge data the app decrypts and trusts). On a
 * developer machine in dev mode a missing key falls back to the dev-only key (the caller logs a
 * warning). Throws a ConfigError naming the variable otherwise. The checks repeat the schema's
 * on purpose: an app that parsed only `inngestEnvSchema` still gets them.
 *
 * `devKeyAllowed`: dev mode on a machine that is not a deployment.
 */
export function resolveEncryptionKeys(app: string, env: KeyEnv, devKeyAllowed: boolean): EncryptionKeys {
  const key = env.STUDIO_ENCRYPTION_KEY;
  const rawFallbacks: unknown = env.STUDIO_ENCRYPTION_FALLBACK_KEYS;
  const fallbacks = Array.isArray(rawFallbacks)
    ? rawFallbacks.map(String)
    : typeof rawFallbacks === "string"
      ? rawFallbacks.split(",").map((k) => k.trim()).filter(Boolean)
      : [];

  fallbacks.forEach((fallback, i) => {
    if (fallback === DEV_ONLY_ENCRYPTION_KEY && !devKeyAllowed) {
      throw new ConfigError(`[${app}] STUDIO_ENCRYPTION_FALLBACK_KEYS entry ${i + 1} is the public dev-only key, which is refused ${OUTSIDE_DEV}.`);
    }
    const problem = encryptionKeyProblem(fallback);
    if (problem) throw new ConfigError(`[${app}] STUDIO_ENCRYPTION_FALLBACK_KEYS entry ${i + 1} ${problem}.`);
  });

  if (!key) {
    if (!devKeyAllowed) {
      throw new ConfigError(
        `[${app}] STUDIO_ENCRYPTION_KEY is not set, and it is required ${OUTSIDE_DEV}: step outputs, function ` +
          `results and event data.encrypted are encrypted with it. Use the same key in every app; ${GENERATE_KEY_HINT}.`,
      );
    }
    return { key: DEV_ONLY_ENCRYPTION_KEY, fallbackKeys: unique(fallbacks, DEV_ONLY_ENCRYPTION_KEY), usingDevKey: true };
  }
  if (key === DEV_ONLY_ENCRYPTION_KEY && !devKeyAllowed) {
    throw new ConfigError(`[${app}] STUDIO_ENCRYPTION_KEY is the public dev-only key, which is refused ${OUTSIDE_DEV}; ${GENERATE_KEY_HINT}.`);
  }
  const problem = encryptionKeyProblem(key);
  if (problem) throw new ConfigError(`[${app}] STUDIO_ENCRYPTION_KEY ${problem}.`);
  return { key, fallbackKeys: unique(fallbacks, key), usingDevKey: key === DEV_ONLY_ENCRYPTION_KEY };
}

/** Drops duplicates and the primary key from the fallbacks (trying a key twice only costs time). */
function unique(fallbacks: string[], primary: string): string[] {
  return [...new Set(fallbacks)].filter((k) => k !== primary);
}
