import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";

/** The few libsodium-wrappers functions used here (the library ships no types). */
type Sodium = {
  ready: Promise<void>;
  crypto_secretbox_KEYBYTES: number;
  base64_variants: { ORIGINAL: number };
  crypto_generichash(length: number, message: string): Uint8Array;
  crypto_secretbox_easy(message: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array;
  from_string(text: string): Uint8Array;
  to_base64(bytes: Uint8Array, variant: number): string;
};

const NONCE_BYTES = 24;

export type Seal = (json: string) => string;

/**
 * Encrypts exactly like the middleware's libsodium service (crypto_secretbox, key =
 * crypto_generichash(32, key), output base64(nonce || box)) but draws the 24-byte nonce from
 * Node's CSPRNG in one call. libsodium.js in Node asks for random bytes four at a time, which
 * made the nonce 85% of the cost of encrypting a step output (see docs/benchmarks.md).
 *
 * It uses the libsodium-wrappers that @inngest/middleware-encryption itself depends on (same
 * library, same version). Resolves to undefined if that cannot be loaded; callers then fall back
 * to the middleware's own service, so this can only ever be slower, never different.
 */
export async function loadSecretbox(key: string): Promise<Seal | undefined> {
  let sodium: Sodium;
  try {
    const fromMiddleware = createRequire(createRequire(import.meta.url).resolve("@inngest/middleware-encryption"));
    sodium = fromMiddleware("libsodium-wrappers") as Sodium;
    await sodium.ready;
  } catch {
    return undefined;
  }
  // The middleware trims keys before hashing them; so must we.
  const derived = sodium.crypto_generichash(sodium.crypto_secretbox_KEYBYTES, key.trim());
  return (json) => {
    const nonce = new Uint8Array(randomBytes(NONCE_BYTES));
    const box = sodium.crypto_secretbox_easy(sodium.from_string(json), nonce, derived);
    const combined = new Uint8Array(NONCE_BYTES + box.length);
    combined.set(nonce);
    combined.set(box, NONCE_BYTES);
    return sodium.to_base64(combined, sodium.base64_variants.ORIGINAL);
  };
}
