import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { dedupeKey } from "../contract/dedupe-key.ts";
import { idSchema } from "../shared/ids.ts";
import { moneySchema } from "../shared/money.ts";
import { emailSchema } from "../shared/text.ts";
import { isoDateSchema } from "../shared/time.ts";

export const briefSubmitted = defineEvent({
  name: "studio/brief.submitted",
  version: "1",
  owner: "web",
  producers: ["web"],
  consumers: ["web", "worker"],
  description: "A client brief was submitted by an operator; starts intake.",
  schema: z.object({
    briefId: idSchema,
    clientId: idSchema,
    title: z.string().min(1).max(120),
    budget: moneySchema,
    dueDate: isoDateSchema,
    encrypted: z.object({
      contactName: z.string().min(1).max(200),
      contactEmail: emailSchema,
      description: z.string().min(1).max(5000),
    }),
  }),
  dedupe: (data) => dedupeKey(data.briefId),
});
