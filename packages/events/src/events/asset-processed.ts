import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { dedupeKey } from "../contract/dedupe-key.ts";
import { idSchema } from "../shared/ids.ts";
import { httpUrlSchema } from "../shared/text.ts";

export const assetProcessed = defineEvent({
  name: "studio/asset.processed",
  version: "1",
  owner: "worker",
  producers: ["worker"],
  consumers: ["web", "worker", "ai"],
  description: "Renditions of an uploaded asset are ready; feeds indexing and AI tagging.",
  schema: z.object({
    assetId: idSchema,
    projectId: idSchema,
    renditions: z
      .array(
        z.object({
          size: z.enum(["thumb", "web", "print"]),
          url: httpUrlSchema,
          width: z.int().positive(),
        }),
      )
      .min(1)
      .max(10),
  }),
  dedupe: (data) => dedupeKey(data.assetId),
});
