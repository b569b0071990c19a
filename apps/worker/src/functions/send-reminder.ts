import { reminderScheduled, reminderScheduledV2, type EventData } from "@studio/events";
import { NonRetriableError } from "inngest";
import { inngest } from "../client.ts";
import { onSendReminderFailure } from "../failures/send-reminder-failure.ts";
import { EMAIL_PROVIDER_CONCURRENCY } from "../services/email-concurrency.ts";
import { functionIds } from "./function-ids.ts";

/**
 * send-reminder: delivers one scheduled reminder.
 *
 * Trigger: studio/reminder.scheduled, v2 (target typed by channel) and the deprecated v1 (one
 * free-text `to`) during the overlap; the `if`s give each event exactly one trigger. Producers
 * send it with a future `ts` equal to `sendAt` (the contract's scheduleAt helper), so Inngest
 * only starts this run when it is due.
 * Flow: sleepUntil `sendAt` (a no-op when the event arrived on time; it protects against a
 * producer that sent the event early, without `ts`) → email it, or post it to the webhook URL
 * given in the reminder. That URL is event data: webhook.sendTo only calls it when its host is in
 * EVENT_TARGET_HOSTS and it resolves to a public address (TargetRefusedError otherwise).
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
    triggers: [
      { event: reminderScheduledV2, if: "event.v == '2'" },
      { event: reminderScheduled, if: "event.v != '2'" },
    ],
    idempotency: "event.data.reminderId",
    concurrency: [EMAIL_PROVIDER_CONCURRENCY],
    retries: 3,
    onFailure: (ctx) => onSendReminderFailure(ctx),
  },
  async ({ event, step, email, webhook }) => {
    const reminder = event.data;
    await step.sleepUntil("wait-until-send-at", reminder.sendAt);
    const { subject, message } = reminder.encrypted;
    const target = targetOf(reminder);
    if (target.channel === "email") {
      await step.run("deliver-email", () => email.send({ to: target.address, subject, text: message }));
    } else {
      await step.run("deliver-webhook", () => webhook.sendTo(target.url, `${subject}\n${message}`));
    }
    return { delivered: target.channel, reminderId: reminder.reminderId };
  },
);

type Target = EventData<typeof reminderScheduledV2>["encrypted"]["target"];
const targetSchema = reminderScheduledV2.schema.shape.encrypted.shape.target;

/**
 * The reminder's target, typed by channel. A v1 reminder's free-text `to` is checked against the
 * v2 rules for its channel (an email address, or an http(s) URL), so both versions are held to
 * the same standard; a v1 `to` that fails them cannot be delivered, and retrying will not help.
 */
function targetOf(reminder: EventData<typeof reminderScheduled> | EventData<typeof reminderScheduledV2>): Target {
  if ("target" in reminder.encrypted) return reminder.encrypted.target;
  const { channel } = reminder as EventData<typeof reminderScheduled>;
  const { to } = (reminder as EventData<typeof reminderScheduled>).encrypted;
  const parsed = targetSchema.safeParse(channel === "email" ? { channel, address: to } : { channel, url: to });
  if (parsed.success) return parsed.data;
  throw new NonRetriableError(
    `reminder ${reminder.reminderId}: its ${channel} target is not ${channel === "email" ? "an email address" : "an http(s) URL"} (studio/reminder.scheduled v1); send it again as v2 with a valid target`,
  );
}
