import { isEncryptedValue, isV0EncryptedValue } from "@inngest/middleware-encryption";
import { DecryptionError } from "./decryption-error.ts";
import { StudioEncryptionService } from "./studio-encryption-service.ts";

/**
 * Returns a copy of `value` (any JSON: one `{"__ENCRYPTED__": true, ...}` envelope, a run output,
 * a whole Dev Server API response) with every encrypted envelope replaced by its plaintext.
 * Decrypted values are searched again, in case they held envelopes themselves, and so are strings
 * that hold JSON (some APIs return a stored output as a string). Used by the
 * on-call decrypt command and by tests that inspect stored data.
 */
export async function decryptAll(value: unknown, keys: readonly [string, ...string[]]): Promise<unknown> {
  return createDecryptor(keys)(value);
}

/**
 * `decryptAll` with the keys prepared once (hashing, fingerprints, libsodium, plaintext cache):
 * for callers that decrypt many values with the same keys.
 */
export function createDecryptor(keys: readonly [string, ...string[]]): (value: unknown) => Promise<unknown> {
  const service = new StudioEncryptionService(keys);
  const walk = async (node: unknown): Promise<unknown> => {
    if (isEncryptedValue(node)) return walk(await service.decrypt(node.data));
    if (isV0EncryptedValue(node)) {
      throw new DecryptionError("Found a v0 (AES) encrypted value; this command only reads the libsodium format used by Studio apps.");
    }
    if (Array.isArray(node)) return Promise.all(node.map(walk));
    if (node !== null && typeof node === "object") {
      const entries = await Promise.all(Object.entries(node).map(async ([k, v]) => [k, await walk(v)] as const));
      return Object.fromEntries(entries);
    }
    // APIs sometimes hand back a stored output as a JSON string: look inside it too.
    if (typeof node === "string" && node.includes("__ENCRYPTED__")) {
      const parsed = tryParseJson(node);
      if (parsed !== undefined) return walk(parsed);
    }
    return node;
  };
  return walk;
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** True when `value` contains at least one encrypted envelope anywhere. */
export function containsEncryptedValue(value: unknown): boolean {
  if (isEncryptedValue(value) || isV0EncryptedValue(value)) return true;
  if (typeof value === "string" && value.includes("__ENCRYPTED__")) return containsEncryptedValue(tryParseJson(value));
  if (Array.isArray(value)) return value.some(containsEncryptedValue);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsEncryptedValue);
  return false;
}
