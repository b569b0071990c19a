import { reminderScheduled } from "@studio/events";
import { type StudioForm } from "../studio-form.ts";

/** Sent now with `ts` = sendAt, so Inngest delivers it to the worker at that time. */
export const scheduleReminderForm = {
  event: reminderScheduled,
  fields: [
    { name: "reminderId", kind: "text" },
    { name: "sendAt", kind: "instant", future: true },
    { name: "channel", kind: "text" },
    { name: "encrypted.to", kind: "text" },
    { name: "encrypted.subject", kind: "text" },
    { name: "encrypted.message", kind: "text" },
  ],
} satisfies StudioForm<typeof reminderScheduled>;
