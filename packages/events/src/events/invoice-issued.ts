import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { dedupeKey } from "../contract/dedupe-key.ts";
import { idSchema } from "../shared/ids.ts";
import { moneySchema } from "../shared/money.ts";
import { emailSchema } from "../shared/text.ts";
import { isoDateSchema } from "../shared/time.ts";

export const invoiceIssued = defineEvent({
  name: "studio/invoice.issued",
  version: "1",
  owner: "web",
  producers: ["web"],
  consumers: ["web", "worker"],
  description: "An invoice was issued to a client; starts chasing it until paid.",
  schema: z.object({
    invoiceId: idSchema,
    clientId: idSchema,
    projectId: idSchema.optional(),
    total: moneySchema,
    dueDate: isoDateSchema,
    encrypted: z.object({
      billingName: z.string().min(1).max(200),
      billingEmail: emailSchema,
    }),
  }),
  dedupe: (data) => dedupeKey(data.invoiceId),
});
