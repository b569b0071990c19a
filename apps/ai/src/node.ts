// Local and container entry: a Node HTTP server on HOST:PORT.
import { serve } from "@hono/node-server";
import { app } from "./app.ts";
import { inngest } from "./client.ts";
import { env } from "./env.ts";
import { appModelPlan } from "./models/app-model-plan.ts";

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, ({ address, port }) => {
  console.log(`[${inngest.id}] serving http://${address}:${port}/api/inngest (${inngest.mode} mode)`);
  // Resolve the model plan now (probing for a local model server once) so the first run does not wait and the log says which model answers.
  appModelPlan().catch((error: unknown) => console.error(`[${inngest.id}] the model plan could not be resolved:`, error));
});
const close = () => server.close(() => process.exit(0));
process.on("SIGINT", close);
process.on("SIGTERM", close);
