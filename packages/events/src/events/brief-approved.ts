import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { decisionDedupeKey } from "../contract/decision-dedupe-key.ts";
import { decisionIdSchema } from "../shared/decision-id.ts";
import { idSchema } from "../shared/ids.ts";

export const briefApproved = defineEvent({
  name: "studio/brief.approved",
  version: "1",
  owner: "web",
  producers: ["web", "worker"],
  consumers: ["web", "worker"],
  description: "The client approved a brief; intake waits for this before creating the project.",
  schema: z.object({
    briefId: idSchema,
    approvedBy: idSchema.describe("Id of the operator (or client contact) who approved."),
    decisionId: decisionIdSchema,
  }),
  dedupe: (data) => decisionDedupeKey(data.briefId, data.decisionId),
});
