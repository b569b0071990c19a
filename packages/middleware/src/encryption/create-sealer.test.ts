import { isEncryptedValue } from "@inngest/middleware-encryption";
import { describe, expect, it } from "vitest";
import { TEST_ENCRYPTION_KEY } from "../testing/index.ts";
import { createSealer } from "./create-sealer.ts";
import { createDecryptor } from "./decrypt-all.ts";
import { DEV_ONLY_ENCRYPTION_KEY } from "./dev-encryption-key.ts";

const personal = { contactEmail: "ada@example.com", description: "Spring campaign" };

describe("createSealer", () => {
  it("writes the middleware's envelope, without the plaintext, that the decryptor opens again", async () => {
    const sealed = await createSealer([TEST_ENCRYPTION_KEY])(personal);
    expect(isEncryptedValue(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain("ada@example.com");
    expect(await createDecryptor([TEST_ENCRYPTION_KEY])({ row: 1, personal: sealed })).toEqual({ row: 1, personal });
  });

  it("seals with the first key only, so after a rotation the old key opens it as a fallback", async () => {
    const sealed = await createSealer([DEV_ONLY_ENCRYPTION_KEY, TEST_ENCRYPTION_KEY])(personal);
    expect(await createDecryptor([TEST_ENCRYPTION_KEY, DEV_ONLY_ENCRYPTION_KEY])(sealed)).toEqual(personal);
    await expect(createDecryptor([TEST_ENCRYPTION_KEY])(sealed)).rejects.toThrow();
  });
});
