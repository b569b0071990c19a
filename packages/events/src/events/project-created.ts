import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { dedupeKey } from "../contract/dedupe-key.ts";
import { idSchema } from "../shared/ids.ts";

export const projectCreated = defineEvent({
  name: "studio/project.created",
  version: "1",
  owner: "worker",
  producers: ["worker"],
  consumers: ["web"],
  description: "An approved brief became a project (one project per brief).",
  schema: z.object({
    projectId: idSchema,
    briefId: idSchema,
    clientId: idSchema,
    title: z.string().min(1).max(120),
    summary: z
      .string()
      .min(1)
      .max(2000)
      .optional()
      .describe("No longer sent: it is the model's summary of the client's brief, as personal as the brief, and travels encrypted in ai/brief.analysed v2."),
  }),
  dedupe: (data) => dedupeKey(data.briefId),
});
