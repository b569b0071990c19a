import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { dedupeKey } from "../contract/dedupe-key.ts";
import { idSchema } from "../shared/ids.ts";
import { emailSchema, httpUrlSchema } from "../shared/text.ts";
import { isoDateTimeSchema } from "../shared/time.ts";

/**
 * Where a reminder goes, typed by channel: an email address, or a webhook URL. v1 had one
 * free-text `to` for both, so a reminder could name any address as its "webhook" (see
 * docs/events.md). The URL is still data from an event: the worker only posts to it when its host
 * is in EVENT_TARGET_HOSTS and it resolves to a public address (docs/worker.md, "Outside services").
 */
const reminderTarget = z.discriminatedUnion("channel", [
  z.object({
    channel: z.literal("email"),
    address: emailSchema.describe("The recipient's email address."),
  }),
  z.object({
    channel: z.literal("webhook"),
    url: httpUrlSchema.describe("A Slack-style incoming webhook (POST { text }); its host must be one the worker allows."),
  }),
]);

export const reminderScheduledV2 = defineEvent({
  name: "studio/reminder.scheduled",
  version: "2",
  owner: "worker",
  producers: ["web"],
  consumers: ["web", "worker"],
  description: "A one-off reminder to a typed target (email address or webhook URL), sent with a future ts equal to sendAt; delivered by send-reminder.",
  schema: z.object({
    reminderId: idSchema,
    sendAt: isoDateTimeSchema,
    encrypted: z.object({
      target: reminderTarget,
      subject: z.string().min(1).max(200),
      message: z.string().min(1).max(5000),
    }),
  }),
  dedupe: (data) => dedupeKey(data.reminderId),
});
