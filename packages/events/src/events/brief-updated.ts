import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { dedupeKey } from "../contract/dedupe-key.ts";
import { idSchema } from "../shared/ids.ts";

export const briefUpdated = defineEvent({
  name: "studio/brief.updated",
  version: "1",
  owner: "web",
  producers: ["web"],
  consumers: ["web", "ai"],
  description: "A submitted brief was edited; the AI app re-analyses it (debounced per brief).",
  schema: z.object({
    briefId: idSchema,
    revision: z.int().min(1),
    encrypted: z.object({
      title: z.string().min(1).max(120).optional(),
      description: z.string().min(1).max(5000),
    }),
  }),
  dedupe: (data) => dedupeKey(data.briefId, data.revision),
});
