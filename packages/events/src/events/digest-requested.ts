import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { dedupeKey } from "../contract/dedupe-key.ts";
import { idSchema } from "../shared/ids.ts";
import { isoDateSchema } from "../shared/time.ts";

export const digestRequested = defineEvent({
  name: "studio/digest.requested",
  version: "1",
  owner: "worker",
  producers: ["worker"],
  consumers: ["worker"],
  description: "One client's weekly digest is due (fanned out by the weekly cron).",
  schema: z.object({
    clientId: idSchema,
    weekStarting: isoDateSchema,
  }),
  dedupe: (data) => dedupeKey(data.clientId, data.weekStarting),
});
