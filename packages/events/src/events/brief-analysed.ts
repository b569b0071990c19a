import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { briefAnalysisSchema } from "../shared/brief-analysis.ts";
import { idSchema } from "../shared/ids.ts";
import { modelInfoSchema, usageSchema } from "../shared/model.ts";

export const briefAnalysed = defineEvent({
  name: "ai/brief.analysed",
  version: "1",
  owner: "ai",
  producers: [],
  consumers: ["web"],
  description: "The AI app analysed a brief revision (0 = as submitted): summary, deliverables, risks, estimate. Replaced by v2, which encrypts the analysis.",
  deprecated: { replacedBy: "ai/brief.analysed@2", removeAfter: "2027-06-30" },
  schema: z.object({
    briefId: idSchema,
    revision: z.int().min(0),
    analysis: briefAnalysisSchema,
    model: modelInfoSchema,
    usage: usageSchema,
  }),
});
