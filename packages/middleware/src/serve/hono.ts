import { Hono } from "hono";
import type { Inngest, InngestFunction } from "inngest";
import { serve } from "inngest/hono";
import { refuseMalformedJson } from "./refuse-malformed-json.ts";
import { studioServeOptions } from "./serve-options.ts";

/**
 * The HTTP surface of a Hono-based Studio app: `/api/inngest` (GET introspection, PUT sync,
 * POST execution; in cloud mode every one must be signed, see studioServeOptions) and `/health`
 * for load balancers and the local tooling. A body that is not JSON gets a 400 before the SDK
 * sees it. Apps add their own routes to the returned Hono instance.
 */
export function createInngestHonoApp(opts: { client: Inngest.Any; functions: readonly InngestFunction.Any[] }) {
  const app = new Hono();
  const handler = serve(studioServeOptions(opts));
  app.on(["GET", "PUT", "POST"], "/api/inngest", async (c) => {
    // Hono caches the text, so the SDK's own c.req.text() reads the same body again.
    if (c.req.method !== "GET") {
      const refused = refuseMalformedJson(await c.req.text());
      if (refused) return refused;
    }
    return handler(c);
  });
  app.get("/health", (c) =>
    c.json({ status: "ok", app: opts.client.id, mode: opts.client.mode, functions: opts.functions.length }),
  );
  return app;
}
