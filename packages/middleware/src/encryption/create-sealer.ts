import { EncryptionService } from "@inngest/middleware-encryption";
import { StudioEncryptionService } from "./studio-encryption-service.ts";

/** An encrypted value in the middleware's wire format (what Inngest stores for `data.encrypted`). */
export type SealedValue = { [EncryptionService.ENCRYPTION_MARKER]: true; [EncryptionService.STRATEGY_MARKER]: string; data: string };

/**
 * Encrypts a value into the same envelope the encryption middleware writes, with `keys[0]`, for an
 * app that keeps personal data in a store of its own (the web console's database): `createDecryptor`
 * (and so the web app's revealer) opens it again with the same keys, fallbacks included.
 */
export function createSealer(keys: readonly [string, ...string[]]): (value: unknown) => Promise<SealedValue> {
  const service = new StudioEncryptionService(keys);
  return async (value) => ({
    [EncryptionService.ENCRYPTION_MARKER]: true,
    [EncryptionService.STRATEGY_MARKER]: service.identifier,
    data: service.encryptNow(value) ?? (await service.encrypt(value)),
  });
}
