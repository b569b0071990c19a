import { createInngestHonoApp } from "@studio/middleware/hono";
import { inngest } from "./client.ts";
import { env } from "./env.ts";
import { functions } from "./functions/index.ts";
import { localRenditionRoutes } from "./routes/local-rendition.ts";

/** The worker's HTTP surface: /api/inngest (GET/PUT/POST), /health, and the local rendition stand-in in dev. */
export const app = createInngestHonoApp({ client: inngest, functions });

if (env.usesLocalRendition) {
  app.route("/local/rendition", localRenditionRoutes(`http://${env.HOST}:${env.PORT}`));
}
