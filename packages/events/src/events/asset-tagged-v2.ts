import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { idSchema } from "../shared/ids.ts";
import { modelInfoSchema } from "../shared/model.ts";

/**
 * v2 moves the tags and alt text under `encrypted`: they are the model's answer about a client's
 * asset (unreleased work; a photo's alt text can describe the people in it), and in v1 that answer
 * reached Inngest in plaintext while the model call itself (wrap) was stored encrypted. Ids and the
 * model stay readable for routing and cost.
 */
export const assetTaggedV2 = defineEvent({
  name: "studio/asset.tagged",
  version: "2",
  owner: "ai",
  producers: ["ai"],
  consumers: ["web"],
  description: "The AI app produced tags and alt text for a processed asset; the tags and alt text are encrypted.",
  schema: z.object({
    assetId: idSchema,
    projectId: idSchema,
    model: modelInfoSchema,
    encrypted: z.object({
      tags: z.array(z.string().min(1).max(50)).min(1).max(20),
      altText: z.string().min(1).max(300),
    }),
  }),
});
