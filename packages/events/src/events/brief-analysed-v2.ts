import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { briefAnalysisSchema } from "../shared/brief-analysis.ts";
import { idSchema } from "../shared/ids.ts";
import { modelInfoSchema, usageSchema } from "../shared/model.ts";

/**
 * v2 moves the analysis under `encrypted`: it is the model's answer about a client's brief (a
 * summary of their text, their deliverables and risks), as personal as the brief itself, and in v1
 * it reached Inngest in plaintext. Ids, model and usage stay readable for routing and cost.
 */
export const briefAnalysedV2 = defineEvent({
  name: "ai/brief.analysed",
  version: "2",
  owner: "ai",
  producers: ["ai"],
  consumers: ["web"],
  description: "The AI app analysed a brief revision (0 = as submitted); the analysis itself (summary, deliverables, risks, estimate) is encrypted.",
  schema: z.object({
    briefId: idSchema,
    revision: z.int().min(0),
    model: modelInfoSchema,
    usage: usageSchema,
    encrypted: z.object({ analysis: briefAnalysisSchema }),
  }),
});
