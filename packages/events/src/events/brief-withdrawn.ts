import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { decisionDedupeKey } from "../contract/decision-dedupe-key.ts";
import { decisionIdSchema } from "../shared/decision-id.ts";
import { idSchema } from "../shared/ids.ts";

export const briefWithdrawn = defineEvent({
  name: "studio/brief.withdrawn",
  version: "1",
  owner: "web",
  producers: ["web"],
  consumers: ["web", "worker"],
  description: "A brief was withdrawn; cancels its intake run.",
  schema: z.object({
    briefId: idSchema,
    reason: z.string().min(1).max(500).optional(),
    decisionId: decisionIdSchema,
  }),
  dedupe: (data) => decisionDedupeKey(data.briefId, data.decisionId),
});
