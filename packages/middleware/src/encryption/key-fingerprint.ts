import { createHash } from "node:crypto";

/**
 * A short, non-reversible label for a key (first 8 hex chars of its SHA-256), so errors and logs
 * can say which keys were tried without printing them. Compare with
 * `printf %s "$KEY" | sha256sum | cut -c1-8`.
 */
export function keyFingerprint(key: string): string {
  return createHash("sha256").update(key.trim()).digest("hex").slice(0, 8);
}
