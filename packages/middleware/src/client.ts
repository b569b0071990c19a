import { Inngest } from "inngest";
import { ConfigError, inngestMode, type InngestEnv } from "./config.ts";

export interface StudioClientOptions<TId extends string> {
  /** The Inngest app id, e.g. "studio-worker". It prefixes every function slug: keep it stable. */
  id: TId;
  /** The app's validated environment (from its env.ts). */
  env: InngestEnv;
}

/**
 * The one way a Studio app builds its Inngest client. Mode (dev or cloud) and keys come from the
 * validated env; in cloud mode a signing key is required up front rather than on first request.
 */
export function createStudioClient<const TId extends string>({ id, env }: StudioClientOptions<TId>) {
  const { isDev, baseUrl } = inngestMode(env);
  if (!isDev && !env.INNGEST_SIGNING_KEY) {
    throw new ConfigError(
      `[${id}] INNGEST_SIGNING_KEY is not set, and it is required in cloud mode. ` +
        `For local development set INNGEST_DEV=1 (or the Dev Server's URL); in production copy the signing key from the Inngest dashboard.`,
    );
  }
  return new Inngest({
    id,
    isDev,
    ...(baseUrl ? { baseUrl } : {}),
    ...(env.INNGEST_SIGNING_KEY ? { signingKey: env.INNGEST_SIGNING_KEY } : {}),
    ...(env.INNGEST_SIGNING_KEY_FALLBACK ? { signingKeyFallback: env.INNGEST_SIGNING_KEY_FALLBACK } : {}),
    ...(env.INNGEST_EVENT_KEY ? { eventKey: env.INNGEST_EVENT_KEY } : {}),
    ...(env.INNGEST_ENV ? { env: env.INNGEST_ENV } : {}),
  });
}
export type StudioClient = ReturnType<typeof createStudioClient>;
