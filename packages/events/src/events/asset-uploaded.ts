import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { dedupeKey } from "../contract/dedupe-key.ts";
import { idSchema } from "../shared/ids.ts";
import { httpUrlSchema } from "../shared/text.ts";

export const assetUploaded = defineEvent({
  name: "studio/asset.uploaded",
  version: "1",
  owner: "web",
  producers: ["web"],
  consumers: ["web", "worker"],
  description: "An asset file was registered for a project; starts rendition processing.",
  schema: z.object({
    assetId: idSchema,
    projectId: idSchema,
    fileName: z.string().min(1).max(255),
    contentType: z
      .string()
      .regex(/^[a-z]+\/[a-z0-9.+-]+$/)
      .describe("MIME type, e.g. image/png."),
    bytes: z.int().positive(),
    sourceUrl: httpUrlSchema,
  }),
  dedupe: (data) => dedupeKey(data.assetId),
});
