import { assetProcessed, type EventData } from "@studio/events";
import { z } from "zod";
import { callService } from "./call-service.ts";
import { jsonPost } from "./service-request.ts";

/** A rendition of an asset, exactly as asset.processed carries it. */
export type Rendition = EventData<typeof assetProcessed>["renditions"][number];
export type RenditionSize = Rendition["size"];

/** The sizes the contract knows, in its order (thumb, web, print). */
export const renditionSizes: readonly RenditionSize[] = assetProcessed.schema.shape.renditions.element.shape.size.options;

export type RenditionConfig = { url: string; apiKey?: string | undefined; timeoutMs: number };

const answerSchema = z.object({ url: z.url({ protocol: /^https?$/ }), width: z.int().positive() });

/**
 * The rendition service: POST `{ assetId, sourceUrl, size }` → `{ url, width }`. Locally it is the
 * worker's own stand-in route (POST /local/rendition), which makes no images.
 *
 * Called inside `step.run` (one step per size, run in parallel), so Inngest retries each size on
 * its own: a 429 with Retry-After waits as asked, a 5xx retries, a 4xx stops the run at once.
 */
export function createRendition(config: RenditionConfig) {
  return {
    render: async (request: { assetId: string; sourceUrl: string; size: RenditionSize }): Promise<Rendition> => {
      const answer = await callService(jsonPost("rendition", config.url, request, config.apiKey), config.timeoutMs);
      const parsed = answerSchema.safeParse(answer);
      if (!parsed.success) {
        // Treated as a service glitch (retried), not as our mistake. What is wrong, not what it said.
        const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "answer"}: ${i.code}`).join(", ");
        throw new Error(`rendition answered 2xx without a usable { url, width } for ${request.size} (${problems})`);
      }
      return { size: request.size, ...parsed.data };
    },
  };
}
