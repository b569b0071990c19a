/**
 * The key used when an app runs against a local Dev Server without STUDIO_ENCRYPTION_KEY. It is
 * public (it is in this file), so data encrypted with it is not protected: createStudioClient
 * refuses it in cloud mode and logs a warning whenever it is used.
 */
export const DEV_ONLY_ENCRYPTION_KEY = "studio-dev-only-encryption-key--NOT-SECRET--never-use-in-cloud";
