import type { SecretReplacer } from "./secret-replacer.ts";

/**
 * A copy of a JSON-like value with secret values replaced in every string (keys included), for
 * plaintext that leaves the process: the fields of a sent event outside data.encrypted. Returns
 * the value itself when nothing changed, so the common case allocates nothing.
 */
export function scrubStrings<T>(value: T, replace: SecretReplacer, depth = 0): T {
  if (typeof value === "string") return replace(value) as T;
  if (value === null || typeof value !== "object" || depth > 32) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const scrubbed = scrubStrings(item, replace, depth + 1);
      if (scrubbed !== item) (copy ??= [...(value as unknown[])])[i] = scrubbed;
    });
    return (copy ?? value) as T;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const scrubbedKey = replace(key);
    const scrubbed = scrubStrings(item, replace, depth + 1);
    if (scrubbed === item && scrubbedKey === key) continue;
    copy ??= { ...(value as Record<string, unknown>) };
    if (scrubbedKey !== key) delete copy[key];
    copy[scrubbedKey] = scrubbed;
  }
  return (copy ?? value) as T;
}
