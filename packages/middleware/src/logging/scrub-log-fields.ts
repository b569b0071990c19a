import { isEncryptedValue, isV0EncryptedValue } from "@inngest/middleware-encryption";
import { REDACTED } from "../secrets/secret-replacer.ts";

/**
 * Field names whose values never reach a log line, at any depth: the event's `encrypted` field,
 * credentials and auth headers, and env-style names ending in _KEY/_KEYS/_SECRET/_TOKEN/_DSN.
 * A bare `key` is allowed on purpose (object-storage keys are everywhere in this system).
 */
const SENSITIVE_FIELD =
  /^(encrypted|authorization|proxy-authorization|cookie|set-cookie|x-inngest-signature|password|passwd|secret|client_?secret|token|access_?token|refresh_?token|api_?key|signing_?key|signing_?key_?fallback|event_?key|encryption_?key|fallback_?decryption_?keys|private_?key|dsn)$/i;
/** Upper-case env-variable names only, so `object_key` or `storageKey` stay readable. */
const SECRET_ENV_NAME = /^[A-Z0-9_]*_(KEYS?|SECRET|TOKEN|DSN)$/;

const isSensitiveField = (field: string) => SENSITIVE_FIELD.test(field) || SECRET_ENV_NAME.test(field);

const MAX_DEPTH = 8;

export const ENCRYPTED = "[encrypted]";

/** True for objects built by `{}` / JSON.parse: the only ones worth walking. */
function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Returns `value` with sensitive fields replaced by "[redacted]" and encrypted envelopes by
 * "[encrypted]". Copies only the objects it changes, so the common case (nothing sensitive)
 * allocates nothing. Errors, class instances and anything deeper than 8 levels pass through.
 */
export function scrubLogFields<T>(value: T, depth = 0): T {
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (isEncryptedValue(value) || isV0EncryptedValue(value)) return ENCRYPTED as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const scrubbed = scrubLogFields(item, depth + 1);
      if (scrubbed !== item) (copy ??= [...(value as unknown[])])[i] = scrubbed;
    });
    return (copy ?? value) as T;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [field, item] of Object.entries(value)) {
    const scrubbed = isSensitiveField(field) ? REDACTED : scrubLogFields(item, depth + 1);
    if (scrubbed !== item) (copy ??= { ...value })[field] = scrubbed;
  }
  return (copy ?? value) as T;
}
