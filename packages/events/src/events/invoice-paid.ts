import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { dedupeKey } from "../contract/dedupe-key.ts";
import { idSchema } from "../shared/ids.ts";
import { isoDateTimeSchema } from "../shared/time.ts";

export const invoicePaid = defineEvent({
  name: "studio/invoice.paid",
  version: "1",
  owner: "web",
  producers: ["web"],
  consumers: ["worker"],
  description: "An invoice was paid (operator or payment webhook); ends its chase.",
  schema: z.object({
    invoiceId: idSchema,
    paidAt: isoDateTimeSchema,
  }),
  dedupe: (data) => dedupeKey(data.invoiceId),
});
