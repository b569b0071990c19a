import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { idSchema } from "../shared/ids.ts";
import { modelInfoSchema } from "../shared/model.ts";

export const assetTagged = defineEvent({
  name: "studio/asset.tagged",
  version: "1",
  owner: "ai",
  producers: [],
  consumers: ["web"],
  description: "The AI app produced tags and alt text for a processed asset. Replaced by v2, which encrypts the tags and alt text.",
  deprecated: { replacedBy: "studio/asset.tagged@2", removeAfter: "2027-06-30" },
  schema: z.object({
    assetId: idSchema,
    projectId: idSchema,
    tags: z.array(z.string().min(1).max(50)).min(1).max(20),
    altText: z.string().min(1).max(300),
    model: modelInfoSchema,
  }),
});
