import { Hono } from "hono";
import type { Inngest, InngestFunction } from "inngest";
import { serve } from "inngest/hono";

/**
 * The HTTP surface of a Hono-based Studio app: `/api/inngest` (GET introspection, PUT sync,
 * POST execution; signatures are checked by the SDK in cloud mode) and `/health` for load
 * balancers and the local tooling. Apps add their own routes to the returned Hono instance.
 */
export function createInngestHonoApp(opts: { client: Inngest.Any; functions: readonly InngestFunction.Any[] }) {
  const app = new Hono();
  const handler = serve({ client: opts.client, functions: opts.functions });
  app.on(["GET", "PUT", "POST"], "/api/inngest", (c) => handler(c));
  app.get("/health", (c) =>
    c.json({ status: "ok", app: opts.client.id, mode: opts.client.mode, functions: opts.functions.length }),
  );
  return app;
}
