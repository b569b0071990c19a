import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { idSchema } from "../shared/ids.ts";

export const diagnosticsPinged = defineEvent({
  name: "studio/diagnostics.pinged",
  version: "1",
  owner: "platform",
  producers: ["platform"],
  consumers: ["web", "worker", "ai"],
  description: "End-to-end smoke check: every app's ping function answers it.",
  schema: z.object({
    pingId: idSchema,
  }),
});
