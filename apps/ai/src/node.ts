// Local and container entry: a Node HTTP server on HOST:PORT.
import { serve } from "@hono/node-server";
import { app } from "./app.ts";
import { inngest } from "./client.ts";
import { env } from "./env.ts";

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, ({ address, port }) => {
  console.log(`[${inngest.id}] serving http://${address}:${port}/api/inngest (${inngest.mode} mode)`);
});
const close = () => server.close(() => process.exit(0));
process.on("SIGINT", close);
process.on("SIGTERM", close);
