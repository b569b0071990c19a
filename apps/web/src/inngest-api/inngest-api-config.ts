import { ConfigError, inngestMode } from "@studio/middleware";
import { type Env } from "../env.ts";

export type InngestApiConfig = {
  /** Dev Server locally, Inngest Cloud (or a self-hosted server) in production. */
  baseUrl: string;
  isDev: boolean;
  /** Cloud only: sent as `Authorization: Bearer <signing key>`. */
  signingKey?: string;
  /** Branch environment name (`X-Inngest-Env`). */
  inngestEnv?: string;
};

/** Where the REST API lives, from the same variables the client reads (INNGEST_DEV, INNGEST_BASE_URL). */
export function inngestApiConfig(env: Pick<Env, "INNGEST_DEV" | "INNGEST_BASE_URL" | "INNGEST_SIGNING_KEY" | "INNGEST_ENV">): InngestApiConfig {
  const { isDev, baseUrl } = inngestMode(env);
  if (!isDev && !env.INNGEST_SIGNING_KEY) {
    throw new ConfigError(
      "[web] INNGEST_SIGNING_KEY is not set: reading runs from Inngest Cloud needs it (sent as a Bearer token). " +
        "For local development set INNGEST_DEV=1 (or the Dev Server's URL).",
    );
  }
  return {
    baseUrl: (baseUrl ?? (isDev ? "http://localhost:8288" : "https://api.inngest.com")).replace(/\/+$/, ""),
    isDev,
    ...(!isDev && env.INNGEST_SIGNING_KEY ? { signingKey: env.INNGEST_SIGNING_KEY } : {}),
    ...(env.INNGEST_ENV ? { inngestEnv: env.INNGEST_ENV } : {}),
  };
}
