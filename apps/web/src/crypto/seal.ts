import { createSealer, DEV_ONLY_ENCRYPTION_KEY } from "@studio/middleware";
import { env } from "../env.ts";

/**
 * Encrypts personal data before the console stores it in its database, with the key the app
 * encrypts event data with (the revealer opens it for display). Same rule as the client: without
 * a key (dev mode only) the public dev key is in use.
 */
export const seal = createSealer([env.STUDIO_ENCRYPTION_KEY ?? DEV_ONLY_ENCRYPTION_KEY]);
