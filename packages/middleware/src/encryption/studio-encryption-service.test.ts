import { LibSodiumEncryptionService } from "@inngest/middleware-encryption/strategies/libSodium";
import { describe, expect, it } from "vitest";
import { DecryptionError } from "./decryption-error.ts";
import { loadSecretbox } from "./load-secretbox.ts";
import { StudioEncryptionService } from "./studio-encryption-service.ts";

const KEY = "XOFzf1BwQtBLtu4tD+TZZ8kLSChEtXs/Jr2tNGiliN0=";
const value = { email: "jane@example.com", items: [1, 2, 3], nested: { ok: true } };

describe("StudioEncryptionService", () => {
  it("uses the fast nonce path here (libsodium is reachable through the middleware)", async () => {
    expect(await loadSecretbox(KEY)).toBeTypeOf("function");
  });

  it("writes the stock libsodium format: the stock service reads ours and we read the stock one", async () => {
    const stock = new LibSodiumEncryptionService(KEY);
    const ours = new StudioEncryptionService([KEY]);
    expect(await stock.decrypt(await ours.encrypt(value))).toEqual(value);
    expect(await new StudioEncryptionService([KEY]).decrypt(await stock.encrypt(value))).toEqual(value);
  });

  it("uses a fresh nonce every time", async () => {
    const ours = new StudioEncryptionService([KEY]);
    const a = await ours.encrypt(value);
    const b = await ours.encrypt(value);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64").subarray(0, 24)).not.toEqual(Buffer.from(b, "base64").subarray(0, 24));
  });

  it("hands out a fresh object on every decrypt, so a handler mutating one cannot change a replay", async () => {
    const ours = new StudioEncryptionService([KEY]);
    const sealed = await ours.encrypt(value);
    const first = (await ours.decrypt(sealed)) as typeof value;
    first.items.push(99);
    expect(await ours.decrypt(sealed)).toEqual(value);
  });

  it("tries fallback keys in order and names the keys it tried when none fits", async () => {
    const old = "service-old-key-0123456789abcdefghijklmn";
    const sealedWithOld = await new StudioEncryptionService([old]).encrypt("x");
    expect(await new StudioEncryptionService([KEY, old]).decrypt(sealedWithOld)).toBe("x");
    const failure = new StudioEncryptionService([KEY]).decrypt(sealedWithOld);
    await expect(failure).rejects.toBeInstanceOf(DecryptionError);
    await expect(failure).rejects.toThrow(/STUDIO_ENCRYPTION_KEY [0-9a-f]{8}, no fallback keys/);
  });
});
