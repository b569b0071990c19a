import { Hono } from "hono";
import { z } from "zod";
import { renditionSizes } from "../services/rendition.ts";

/** Nominal widths the stand-in reports; no image is produced at any size. */
const WIDTHS = { thumb: 320, web: 1600, print: 4000 } as const;

const requestSchema = z.object({
  assetId: z.string().min(1).max(128),
  sourceUrl: z.url(),
  size: z.enum(renditionSizes as [string, ...string[]]),
});

/**
 * LOCAL STAND-IN for the rendition service, mounted only when RENDITION_URL is not set (dev).
 * It speaks the service's protocol (POST `{ assetId, sourceUrl, size }` → `{ url, width }`) but
 * makes no images: the URL it returns points back here and serves a note saying so.
 */
export function localRenditionRoutes(origin: string) {
  const routes = new Hono();
  routes.post("/", async (c) => {
    const parsed = requestSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return c.json({ error: "expected JSON { assetId, sourceUrl, size: thumb|web|print }", issues: parsed.error.issues }, 400);
    }
    const { assetId, size } = parsed.data;
    return c.json({
      url: `${origin}/local/rendition/stand-in/${encodeURIComponent(assetId)}/${size}`,
      width: WIDTHS[size as keyof typeof WIDTHS],
      standIn: "local rendition stand-in: no image was made",
    });
  });
  routes.get("/stand-in/:assetId/:size", (c) =>
    c.text(
      `Local rendition stand-in for asset ${c.req.param("assetId")} (${c.req.param("size")}): no image was made. ` +
        `Set RENDITION_URL to a real rendition service to get files.\n`,
    ),
  );
  return routes;
}
