/** The decrypt command's environment: the only place it reads process.env. */
export const cliEnv = {
  STUDIO_ENCRYPTION_KEY: process.env["STUDIO_ENCRYPTION_KEY"]?.trim() || undefined,
  STUDIO_ENCRYPTION_FALLBACK_KEYS: (process.env["STUDIO_ENCRYPTION_FALLBACK_KEYS"] ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean),
};
