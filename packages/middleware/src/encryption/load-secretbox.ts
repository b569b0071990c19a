import { randomBytes } from "node:crypto";

/** The few libsodium-wrappers functions used here (the library ships no types). */
type Sodium = {
  ready: Promise<void>;
  crypto_secretbox_KEYBYTES: number;
  crypto_generichash(length: number, message: string): Uint8Array;
  crypto_secretbox_easy(message: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array;
};
/** The module as `import()` hands it over (CommonJS: its exports are the default). */
type SodiumModule = { default: Sodium };

/** Through a CommonJS file (sodium.cjs): the library's ESM build is broken, and bundlers follow a require(). */
async function loadSodium(): Promise<Sodium> {
  return ((await import("./sodium.cjs")) as SodiumModule).default;
}

const NONCE_BYTES = 24;

export type Seal = (json: string) => string;

/**
 * Encrypts exactly like the middleware's libsodium service (crypto_secretbox, key =
 * crypto_generichash(32, key), output base64(nonce || box)) but draws the 24-byte nonce from
 * Node's CSPRNG in one call. libsodium.js in Node asks for random bytes four at a time, which
 * made the nonce 85% of the cost of encrypting a step output (see docs/benchmarks.md).
 *
 * It uses libsodium-wrappers as a dependency of this package, pinned to the version
 * @inngest/middleware-encryption resolves to (pnpm then installs one copy, and a bundle holds
 * one), loaded through sodium.cjs. It used to borrow the middleware's copy through
 * createRequire, which a bundle cannot follow: in the deployed dist/ that lookup failed and every
 * output was sealed the slow way (docs/benchmarks.md, "Cold start"). Resolves to undefined if it cannot be loaded; callers then
 * fall back to the middleware's own service, so this can only ever be slower, never different.
 */
export async function loadSecretbox(key: string): Promise<Seal | undefined> {
  let sodium: Sodium;
  try {
    sodium = await loadSodium();
    await sodium.ready;
  } catch {
    return undefined;
  }
  // The middleware trims keys before hashing them; so must we.
  const derived = sodium.crypto_generichash(sodium.crypto_secretbox_KEYBYTES, key.trim());
  // UTF-8 and base64 (standard alphabet, padded: libsodium's ORIGINAL variant) through Buffer,
  // natively, rather than through libsodium.js's JavaScript converters.
  return (json) => {
    const nonce = randomBytes(NONCE_BYTES);
    const box = sodium.crypto_secretbox_easy(Buffer.from(json, "utf8"), nonce, derived);
    return Buffer.concat([nonce, box]).toString("base64");
  };
}
