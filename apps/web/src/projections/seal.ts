/** Encrypts personal data before it is stored (the app's keys; see src/crypto/seal.ts). */
export type Seal = (value: unknown) => Promise<unknown>;
