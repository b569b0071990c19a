/**
 * What a usable encryption key looks like: 32 random bytes, written as base64 (44 characters,
 * `openssl rand -base64 32`) or hex (64 characters, `openssl rand -hex 32`).
 *
 * The encryption middleware hashes whatever string it is given into its 32-byte libsodium key, so
 * "password123" or 32 × "a" would "work" and silently give encryption anyone can guess. We refuse
 * anything that is not 32 bytes of key material, and key material that is plainly not random:
 * fewer than 16 distinct byte values (the chance of that for 32 random bytes is about 2 in 10^15)
 * or bytes that are all printable text (about 1 in 10^14): a phrase encoded as base64.
 *
 * The key string itself (not its decoded bytes) is what the middleware hashes, as before, so data
 * encrypted with a key that passes these rules stays readable with it.
 */
export const ENCRYPTION_KEY_BYTES = 32;
export const GENERATE_KEY_COMMAND = "openssl rand -base64 32";
export const GENERATE_KEY_HINT = `generate one with \`${GENERATE_KEY_COMMAND}\``;

const HEX = /^[0-9a-f]{64}$/i;
/** Standard or URL-safe alphabet, padding optional: 43 characters of data for 32 bytes. */
const BASE64 = /^(?:[A-Za-z0-9+/]{43}|[A-Za-z0-9_-]{43})=?$/;
const MIN_DISTINCT_BYTES = 16;

/** The key's 32 bytes, or undefined when it is neither 64 hex characters nor base64 of 32 bytes. */
export function decodeEncryptionKey(key: string): Buffer | undefined {
  if (HEX.test(key)) return Buffer.from(key, "hex");
  if (!BASE64.test(key)) return undefined;
  const bytes = Buffer.from(key, /[-_]/.test(key) ? "base64url" : "base64");
  return bytes.length === ENCRYPTION_KEY_BYTES ? bytes : undefined;
}

/** Returns why `key` is unusable, or undefined when it is fine. Never quotes the key. */
export function encryptionKeyProblem(key: string): string | undefined {
  if (/\s/.test(key)) return `contains whitespace; paste the key exactly as generated (${GENERATE_KEY_HINT})`;
  const bytes = decodeEncryptionKey(key);
  if (!bytes) {
    return (
      `is not 32 random bytes in base64 (44 characters) or hex (64 characters); it has ${key.length} characters: ` +
      GENERATE_KEY_HINT
    );
  }
  if (new Set(bytes).size < MIN_DISTINCT_BYTES) return `is not random (its 32 bytes repeat a few values): ${GENERATE_KEY_HINT}`;
  if (bytes.every((b) => b >= 0x20 && b <= 0x7e)) return `is encoded text, not random bytes: ${GENERATE_KEY_HINT}`;
  return undefined;
}
