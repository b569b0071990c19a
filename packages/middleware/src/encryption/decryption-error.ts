/**
 * Raised when no configured key opens an encrypted value. Retriable on purpose: during a rolling
 * deploy the retry may land on an instance that already has the key.
 */
export class DecryptionError extends Error {
  override name = "DecryptionError";
}
