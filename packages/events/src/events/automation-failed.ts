import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { idSchema } from "../shared/ids.ts";

export const automationFailed = defineEvent({
  name: "studio/automation.failed",
  version: "1",
  owner: "platform",
  producers: ["web", "worker", "ai"],
  consumers: ["web", "platform"],
  description: "A workflow failed for good; emitted by every failure handler for status and alerting.",
  schema: z.object({
    app: z.string().min(1).max(100).describe("Inngest app id of the failed function, e.g. studio-worker."),
    functionId: z.string().min(1).max(200),
    runId: idSchema,
    trigger: z.object({
      name: z.string().min(1).max(200),
      id: z.string().min(1).max(200).optional(),
    }),
    error: z.object({
      name: z.string().min(1).max(200),
      message: z.string().max(4000),
    }),
    compensated: z.boolean().describe("Whether the failure handler undid what the run changed outside."),
  }),
});
