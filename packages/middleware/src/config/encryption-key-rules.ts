/**
 * What a usable encryption key looks like. The middleware hashes any string into a 32-byte
 * libsodium key, so a short or guessable string would "work" and silently give weak encryption:
 * we refuse it instead.
 *
 * "Malformed" means: shorter than 32 characters, or containing whitespace (a sign of a
 * copy-paste accident, e.g. a trailing newline or two keys pasted together).
 */
export const MIN_ENCRYPTION_KEY_LENGTH = 32;

export const GENERATE_KEY_HINT = "generate one with `openssl rand -base64 32`";

/** Returns why `key` is unusable, or undefined when it is fine. */
export function encryptionKeyProblem(key: string): string | undefined {
  if (key.length < MIN_ENCRYPTION_KEY_LENGTH) {
    return `is too short (${key.length} characters; at least ${MIN_ENCRYPTION_KEY_LENGTH} are required): ${GENERATE_KEY_HINT}`;
  }
  if (/\s/.test(key)) return `contains whitespace; paste the key exactly as generated (${GENERATE_KEY_HINT})`;
  return undefined;
}
