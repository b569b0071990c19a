import { EncryptionService } from "@inngest/middleware-encryption";
import { LibSodiumEncryptionService } from "@inngest/middleware-encryption/strategies/libSodium";
import { DecryptionError } from "./decryption-error.ts";
import { keyFingerprint } from "./key-fingerprint.ts";

/**
 * The middleware's own libsodium service (same wire format, identifier "inngest/libsodium"), with
 * one change: when no key opens a value it throws a DecryptionError that says which keys were
 * tried (by fingerprint) and what to do, instead of libsodium's "wrong secret key for the given
 * ciphertext".
 */
export class StudioEncryptionService extends EncryptionService {
  readonly identifier: string;
  readonly #inner: LibSodiumEncryptionService;
  readonly #fingerprints: string[];

  /** `keys[0]` encrypts; every key is tried, in order, to decrypt. */
  constructor(keys: readonly [string, ...string[]]) {
    super();
    this.#inner = new LibSodiumEncryptionService([...keys]);
    this.identifier = this.#inner.identifier;
    this.#fingerprints = keys.map(keyFingerprint);
  }

  encrypt(value: unknown): Promise<string> {
    return this.#inner.encrypt(value);
  }

  async decrypt(value: string): Promise<unknown> {
    try {
      return await this.#inner.decrypt(value);
    } catch (cause) {
      const [current, ...fallbacks] = this.#fingerprints;
      throw new DecryptionError(
        `Cannot decrypt a value: none of the configured encryption keys opens it ` +
          `(STUDIO_ENCRYPTION_KEY ${current}` +
          (fallbacks.length ? `, STUDIO_ENCRYPTION_FALLBACK_KEYS ${fallbacks.join(", ")}` : ", no fallback keys") +
          `; fingerprints = first 8 hex chars of sha256). It was encrypted with another key: add that key to ` +
          `STUDIO_ENCRYPTION_FALLBACK_KEYS (docs/runbooks/key-rotation.md).`,
        { cause },
      );
    }
  }
}
