import { EncryptionService } from "@inngest/middleware-encryption";
import { LibSodiumEncryptionService } from "@inngest/middleware-encryption/strategies/libSodium";
import { DecryptionError } from "./decryption-error.ts";
import { keyFingerprint } from "./key-fingerprint.ts";
import { loadSecretbox, type Seal } from "./load-secretbox.ts";
import type { SecretReplacer } from "../secrets/secret-replacer.ts";
import { scrubStrings } from "../secrets/scrub-strings.ts";

/** Bounds of the plaintext cache (see below): whichever is reached first evicts the oldest entries. */
const CACHE_MAX_ENTRIES = 5_000;
const CACHE_MAX_CHARS = 16 * 1024 * 1024;

/**
 * The middleware's own libsodium service (same wire format, identifier "inngest/libsodium"), with
 * three changes:
 *
 * - When no key opens a value it throws a DecryptionError that says which keys were tried (by
 *   fingerprint) and what to do, instead of libsodium's "wrong secret key for the given ciphertext".
 *
 * - It remembers the plaintext of values it recently encrypted or decrypted, keyed by the exact
 *   ciphertext. Without checkpointing every request replays the run and decrypts every stored
 *   step again, so a run of n steps costs n²/2 decryptions; with the cache a warm instance pays
 *   one JSON.parse per replayed step, as an unencrypted app does. The cache holds JSON text, so
 *   each caller gets a fresh object; it is bounded (5 000 values / 16 M characters) and lives in
 *   process memory only, where the same plaintext already is while the run executes.
 *
 * - Encryption draws its nonce from Node's CSPRNG (loadSecretbox): same format, 6x cheaper.
 *
 * - Given `scrub`, the app's secret values are replaced in the JSON text before it is sealed, so
 *   a step output or result that happens to hold a token is stored without it (one substring
 *   search per secret over text that is built anyway).
 */
export class StudioEncryptionService extends EncryptionService {
  readonly identifier: string;
  readonly #inner: LibSodiumEncryptionService;
  readonly #fingerprints: string[];
  readonly #seal: Promise<Seal | undefined>;
  /** #seal once loaded, so that encryptNow needs no promise. */
  #sealNow: Seal | undefined;
  readonly #plaintext = new Map<string, string>();
  readonly #scrub: SecretReplacer | undefined;
  #cachedChars = 0;

  /** `keys[0]` encrypts; every key is tried, in order, to decrypt. */
  constructor(keys: readonly [string, ...string[]], options: { scrub?: SecretReplacer } = {}) {
    super();
    this.#scrub = options.scrub;
    this.#inner = new LibSodiumEncryptionService([...keys]);
    this.identifier = this.#inner.identifier;
    this.#fingerprints = keys.map(keyFingerprint);
    this.#seal = loadSecretbox(keys[0]);
    void this.#seal.then((seal) => (this.#sealNow = seal));
  }

  /**
   * encrypt() without a promise, once the cipher is loaded (shortly after start-up); `undefined`
   * before that, then use encrypt().
   */
  encryptNow(value: unknown): string | undefined {
    const seal = this.#sealNow;
    if (!seal) return undefined;
    const json = this.#json(value);
    const ciphertext = seal(json);
    this.#remember(ciphertext, json);
    return ciphertext;
  }

  async encrypt(value: unknown): Promise<string> {
    const raw = JSON.stringify(value);
    const json = this.#json(value, raw);
    const seal = await this.#seal;
    const ciphertext = seal ? seal(json) : await this.#inner.encrypt(json === raw ? value : JSON.parse(json));
    this.#remember(ciphertext, json);
    return ciphertext;
  }

  /**
   * The plaintext of a value this service has seen recently, synchronously, or `undefined` on a
   * cache miss (then use decrypt). Lets the replay of stored steps avoid a promise per step.
   */
  cachedPlaintext(value: string): { value: unknown } | undefined {
    const cached = this.#plaintext.get(value);
    if (cached === undefined) return undefined;
    // Refresh its place: the map's insertion order is the eviction order.
    this.#plaintext.delete(value);
    this.#plaintext.set(value, cached);
    return { value: JSON.parse(cached) as unknown };
  }

  async decrypt(value: string): Promise<unknown> {
    const cached = this.cachedPlaintext(value);
    if (cached) return cached.value;
    let plaintext: unknown;
    try {
      plaintext = await this.#inner.decrypt(value);
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
    this.#remember(value, JSON.stringify(plaintext));
    return plaintext;
  }

  /**
   * The JSON text to seal, with secret values replaced. Replacing inside JSON text is safe for
   * ordinary secrets; one that contains quotes could in theory straddle two strings, so a text
   * that no longer parses is rebuilt from the value, string by string.
   */
  #json(value: unknown, raw = JSON.stringify(value)): string {
    if (!this.#scrub || raw === undefined) return raw;
    const scrubbed = this.#scrub(raw);
    if (scrubbed === raw) return raw;
    try {
      JSON.parse(scrubbed);
      return scrubbed;
    } catch {
      return JSON.stringify(scrubStrings(value, this.#scrub));
    }
  }

  #remember(ciphertext: string, json: string | undefined): void {
    if (json === undefined || json.length > CACHE_MAX_CHARS / 4) return;
    this.#plaintext.set(ciphertext, json);
    this.#cachedChars += ciphertext.length + json.length;
    for (const [oldest, text] of this.#plaintext) {
      if (this.#plaintext.size <= CACHE_MAX_ENTRIES && this.#cachedChars <= CACHE_MAX_CHARS) break;
      this.#plaintext.delete(oldest);
      this.#cachedChars -= oldest.length + text.length;
    }
  }
}
