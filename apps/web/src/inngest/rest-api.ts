import { env } from "../env.ts";
import { createInngestApi } from "../inngest-api/create-inngest-api.ts";
import { inngestApiConfig } from "../inngest-api/inngest-api-config.ts";

/** The Inngest REST API this deployment reads runs from (Dev Server locally, Cloud in production). */
export const inngestApi = createInngestApi(inngestApiConfig(env));
