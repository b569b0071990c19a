import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { decisionDedupeKey } from "../contract/decision-dedupe-key.ts";
import { decisionIdSchema } from "../shared/decision-id.ts";
import { idSchema } from "../shared/ids.ts";
import { isoDateTimeSchema } from "../shared/time.ts";

export const invoicePaid = defineEvent({
  name: "studio/invoice.paid",
  version: "1",
  owner: "web",
  producers: ["web"],
  consumers: ["web", "worker"],
  description: "An invoice was paid (operator or payment webhook); ends its chase.",
  schema: z.object({
    invoiceId: idSchema,
    paidAt: isoDateTimeSchema,
    decisionId: decisionIdSchema,
  }),
  dedupe: (data) => decisionDedupeKey(data.invoiceId, data.decisionId),
});
