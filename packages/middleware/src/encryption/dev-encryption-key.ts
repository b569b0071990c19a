/**
 * The key used when an app runs against a local Dev Server without STUDIO_ENCRYPTION_KEY. It is
 * public (it is in this file), so data encrypted with it is not protected: createStudioClient
 * refuses it, as the key or as a fallback key, in cloud mode and in a deployed app, and logs a
 * warning whenever it is used. It has the shape every key must have (32 bytes, base64) so that
 * it is refused for what it is, not for its format.
 */
export const DEV_ONLY_ENCRYPTION_KEY = "ETibz2H5olwQ2gTMJvIN4jOHsePq4LNDIMw76nngQss=";
