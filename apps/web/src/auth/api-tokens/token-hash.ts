import { createHash } from "node:crypto";

/**
 * What is stored for a token: its SHA-256, hex. A token is 32 random bytes, so a fast hash is
 * enough (nothing to brute-force), and a lookup by hash needs no constant-time compare.
 */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
