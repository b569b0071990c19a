import { reminderScheduled } from "@studio/events";
import { inngest } from "../client.ts";
import { onSendReminderFailure } from "../failures/send-reminder-failure.ts";
import { EMAIL_PROVIDER_CONCURRENCY } from "../services/email-concurrency.ts";
import { functionIds } from "./function-ids.ts";

/**
 * send-reminder: delivers one scheduled reminder.
 *
 * Trigger: studio/reminder.scheduled. Producers send it with a future `ts` equal to `sendAt`
 * (the contract's scheduleAt helper), so Inngest only starts this run when it is due.
 * Flow: sleepUntil `sendAt` (a no-op when the event arrived on time; it protects against a
 * producer that sent the event early, without `ts`) → email it, or post it to the webhook URL
 * given in the reminder.
 *
 * Flow control:
 * - idempotency per reminderId: one delivery per reminder, even if it is re-sent with a new event id.
 * - concurrency: the email budget shared with the other emailing functions.
 * - retries 3: delivery happens in one step, retried on a 5xx/429 and never after success.
 * On failure (onSendReminderFailure): emits studio/automation.failed and alerts the team.
 *
 * Applies:
 * - docs/research/inngest/scheduling-a-one-off-function.md#ts-is-milliseconds-and-it-is-the-only-thing-that-delays (sleepUntil as a guard)
 * - docs/research/inngest/scheduling-a-one-off-function.md#rescheduling-the-same-reminder-is-not-a-second-reminder (idempotency per reminderId)
 * - docs/research/inngest/inngest-functions-resources.md#concurrency (the shared email budget)
 */
export const sendReminder = inngest.createFunction(
  {
    id: functionIds.sendReminder,
    name: "Reminders: deliver a scheduled reminder",
    triggers: [reminderScheduled],
    idempotency: "event.data.reminderId",
    concurrency: [EMAIL_PROVIDER_CONCURRENCY],
    retries: 3,
    onFailure: (ctx) => onSendReminderFailure(ctx),
  },
  async ({ event, step, email, webhook }) => {
    const reminder = event.data;
    await step.sleepUntil("wait-until-send-at", reminder.sendAt);
    const { to, subject, message } = reminder.encrypted;
    if (reminder.channel === "email") {
      await step.run("deliver-email", () => email.send({ to, subject, text: message }));
    } else {
      await step.run("deliver-webhook", () => webhook.sendTo(to, `${subject}\n${message}`));
    }
    return { delivered: reminder.channel, reminderId: reminder.reminderId };
  },
);
