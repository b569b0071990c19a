import { containsEncryptedValue, createDecryptor, DEV_ONLY_ENCRYPTION_KEY } from "@studio/middleware";
import { type Env } from "../env.ts";

/** Turns stored data back into what the operator may read: encrypted fields are decrypted. */
export type Revealer = (value: unknown) => Promise<{ value: unknown; sealed: boolean }>;

/**
 * Data at rest in Inngest (event `data.encrypted`, step and run outputs) is encrypted by the
 * shared middleware. The web app holds the same keys, so it opens it for display. A value no
 * key opens is shown as sealed rather than breaking the page.
 */
export function createRevealer(env: Pick<Env, "STUDIO_ENCRYPTION_KEY" | "STUDIO_ENCRYPTION_FALLBACK_KEYS">): Revealer {
  // Same rule as the client factory: without a key (dev mode only) the public dev key is in use.
  const keys: [string, ...string[]] = [env.STUDIO_ENCRYPTION_KEY ?? DEV_ONLY_ENCRYPTION_KEY, ...(env.STUDIO_ENCRYPTION_FALLBACK_KEYS ?? [])];
  // Keys are prepared once, on the first encrypted value, and reused (with their plaintext cache).
  let decrypt: ((value: unknown) => Promise<unknown>) | undefined;
  return async (value) => {
    if (!containsEncryptedValue(value)) return { value, sealed: false };
    try {
      decrypt ??= createDecryptor(keys);
      return { value: await decrypt(value), sealed: false };
    } catch {
      return { value, sealed: true };
    }
  };
}
