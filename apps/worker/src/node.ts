// Local and container entry: a Node HTTP server on HOST:PORT.
import { runNodeServer } from "@studio/middleware/node-server";

await runNodeServer(async () => {
  const [{ app }, { inngest }, { env }] = await Promise.all([import("./app.ts"), import("./client.ts"), import("./env.ts")]);
  return { app, client: inngest, port: env.PORT, host: env.HOST };
});
