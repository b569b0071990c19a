import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { dedupeKey } from "../contract/dedupe-key.ts";
import { idSchema } from "../shared/ids.ts";
import { isoDateTimeSchema } from "../shared/time.ts";

export const reminderScheduled = defineEvent({
  name: "studio/reminder.scheduled",
  version: "1",
  owner: "worker",
  producers: [],
  consumers: ["web", "worker"],
  description: "A one-off reminder, sent with a future ts equal to sendAt; delivered by send-reminder. Replaced by v2, whose target is typed by channel.",
  deprecated: { replacedBy: "studio/reminder.scheduled@2", removeAfter: "2027-06-30" },
  schema: z.object({
    reminderId: idSchema,
    sendAt: isoDateTimeSchema,
    channel: z.enum(["email", "webhook"]),
    encrypted: z.object({
      to: z.string().min(1).max(2048).describe("Email address or webhook URL, depending on channel."),
      subject: z.string().min(1).max(200),
      message: z.string().min(1).max(5000),
    }),
  }),
  dedupe: (data) => dedupeKey(data.reminderId),
});
