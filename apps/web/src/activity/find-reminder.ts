import { reminderScheduled, reminderScheduledV2 } from "@studio/events";
import { findEventData } from "./find-event-data.ts";
import { type ActivityEvent } from "./types.ts";

/** A reminder as the console shows it, whichever contract version scheduled it. */
export type ReminderView = { sendAt: string; channel: "email" | "webhook"; to: string; subject: string; message: string };

/**
 * The reminder scheduled in an item's activity: v2 (target typed by channel, what the console
 * sends) or a deprecated v1 still in Inngest's history (free-text `to`). Revealed by the time it
 * gets here; anything that breaks both contracts is ignored.
 */
export function findReminder(activity: readonly ActivityEvent[]): ReminderView | undefined {
  const v2 = findEventData(activity, reminderScheduledV2);
  if (v2) {
    const { target, subject, message } = v2.encrypted;
    return { sendAt: v2.sendAt, channel: target.channel, to: target.channel === "email" ? target.address : target.url, subject, message };
  }
  const v1 = findEventData(activity, reminderScheduled);
  return v1 && { sendAt: v1.sendAt, channel: v1.channel, to: v1.encrypted.to, subject: v1.encrypted.subject, message: v1.encrypted.message };
}
