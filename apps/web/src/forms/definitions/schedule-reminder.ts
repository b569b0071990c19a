import { reminderScheduledV2 } from "@studio/events";
import { type StudioForm } from "../studio-form.ts";

/**
 * Sent now with `ts` = sendAt, so Inngest delivers it to the worker at that time. The target is
 * typed by channel (v2): the address for email, the URL for a webhook, each checked by the
 * contract; the input of the other channel is dropped (only what the contract defines is sent).
 */
export const scheduleReminderForm = {
  event: reminderScheduledV2,
  fields: [
    { name: "reminderId", kind: "text" },
    { name: "sendAt", kind: "instant", future: true },
    { name: "encrypted.target.channel", kind: "text" },
    { name: "encrypted.target.address", kind: "optional" },
    { name: "encrypted.target.url", kind: "optional" },
    { name: "encrypted.subject", kind: "text" },
    { name: "encrypted.message", kind: "text" },
  ],
} satisfies StudioForm<typeof reminderScheduledV2>;
