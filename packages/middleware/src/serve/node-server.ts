import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import type { Inngest } from "inngest";

export interface NodeServerApp {
  app: Hono;
  client: Inngest.Any;
  port: number;
  host: string;
}

/**
 * Runs a Hono-based Studio app as a Node HTTP server (local and container entry). The app's
 * modules are loaded through `load`, so that a configuration error raised while they load (env.ts
 * validates at import) is printed as its one clear message, naming each bad variable, and the
 * process exits 1 — not an uncaught exception with a stack trace.
 */
export async function runNodeServer(load: () => Promise<NodeServerApp>, onListening?: (app: NodeServerApp) => void): Promise<void> {
  let loaded: NodeServerApp;
  try {
    loaded = await load();
  } catch (error) {
    if (error instanceof Error && error.name === "ConfigError") {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { app, client, port, host } = loaded;
  const server = serve({ fetch: app.fetch, port, hostname: host }, ({ address, port: bound }) => {
    console.log(`[${client.id}] serving http://${address}:${bound}/api/inngest (${client.mode} mode)`);
    onListening?.(loaded);
  });
  const close = () => server.close(() => process.exit(0));
  process.on("SIGINT", close);
  process.on("SIGTERM", close);
}
