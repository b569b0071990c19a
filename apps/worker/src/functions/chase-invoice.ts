import { invoiceIssued, invoicePaid } from "@studio/events";
import { inngest } from "../client.ts";
import { env } from "../env.ts";
import { onChaseInvoiceFailure } from "../failures/chase-invoice-failure.ts";
import { progressFor } from "../progress/progress.ts";
import { formatMoney } from "./format-money.ts";
import { functionIds } from "./function-ids.ts";
import { overdueAt } from "./overdue-at.ts";
import { sendInvoiceReminder } from "./send-invoice-reminder.ts";

/** Longest single sleep: Inngest allows up to one year. */
const MAX_SLEEP_MS = 360 * 86_400_000;

/**
 * chase-invoice: chases an issued invoice until it is paid, then hands over to a human.
 *
 * Trigger: studio/invoice.issued (from the web app).
 * Flow: record the chase's settings (memoised) → sleepUntil the invoice is overdue (the day after its due date) → up to
 * INVOICE_MAX_REMINDERS times: email a reminder to the billing contact (send-invoice-reminder,
 * invoked), then wait
 * INVOICE_REMINDER_INTERVAL for studio/invoice.paid (same invoiceId) → still unpaid: escalate to
 * the team channel. Progress is published on `invoice:<invoiceId>`.
 *
 * Flow control:
 * - cancelOn studio/invoice.paid (same invoiceId): a payment while the run sleeps until the due
 *   date (days or weeks) must end it, or the client would get a reminder for a paid invoice.
 *   The reminder waits listen for the same event so a payment between reminders ends the run
 *   as "paid"; whichever of the two Inngest matches first, no more reminders go out.
 * - each reminder is sent by invoking send-invoice-reminder, which carries the email budget
 *   (concurrency) and the priority of large invoices: a priority set here would not survive the
 *   sleep (see that function).
 * - retries 3; each reminder is its own step, so a retry never emails twice.
 *
 * On failure (onChaseInvoiceFailure): emits studio/automation.failed and alerts the team, who
 * take over the chase. Reminders already sent cannot be unsent, so nothing is compensated.
 *
 * Applies:
 * - docs/research/inngest/wait-for-an-event.md#a-wait-and-a-cancelon-on-the-same-event-race (invoice.paid ends it either way)
 * - docs/research/inngest/scheduling-a-one-off-function.md#what-it-does (the long sleepUntil)
 * - docs/research/inngest/steps-and-workflows.md#invoking-another-function (one invoked run per reminder)
 * - docs/research/inngest/failure-handlers.md#a-rerun-starts-the-whole-run-again (why on-call takes over by hand)
 */
export const chaseInvoice = inngest.createFunction(
  {
    id: functionIds.chaseInvoice,
    name: "Invoices: chase until paid",
    triggers: [invoiceIssued],
    cancelOn: [{ event: invoicePaid, if: "async.data.invoiceId == event.data.invoiceId" }],
    retries: 3,
    onFailure: (ctx) => onChaseInvoiceFailure(ctx),
  },
  async ({ event, step, logger, webhook }) => {
    const invoice = event.data;
    const total = formatMoney(invoice.total);
    const progress = progressFor({ step, logger }, functionIds.chaseInvoice, `invoice:${invoice.invoiceId}`);
    const overdue = overdueAt(invoice.dueDate);
    // Memoised: a chase that sleeps for weeks keeps the reminder count and interval it started
    // with, even if a deploy changes them (new chases get the new values).
    const settings = await step.run("record-settings", () => ({
      startedAt: new Date().toISOString(),
      maxReminders: env.INVOICE_MAX_REMINDERS,
      reminderInterval: env.INVOICE_REMINDER_INTERVAL.text,
    }));

    await progress.update("due", "Waiting for the due date", "waiting", `overdue from ${overdue.toISOString()}`);
    // Inngest refuses a sleep that ends more than a year ahead (InngestErrTimeoutTooLong fails
    // the run): an invoice due later is slept towards in parts, counted from the recorded start.
    let wake = Date.parse(settings.startedAt);
    for (let part = 1; overdue.getTime() - wake > MAX_SLEEP_MS; part++) {
      wake += MAX_SLEEP_MS;
      await step.sleepUntil(`wait-until-overdue-part-${part}`, new Date(wake));
    }
    await step.sleepUntil("wait-until-overdue", overdue);

    const max = settings.maxReminders;
    for (let n = 1; n <= max; n++) {
      await step.invoke(`send-reminder-${n}`, {
        function: sendInvoiceReminder,
        data: { invoiceId: invoice.invoiceId, total: invoice.total, dueDate: invoice.dueDate, n, max, encrypted: invoice.encrypted },
      });
      await progress.update(`reminder-${n}`, `Reminder ${n} of ${max} sent`, "done");
      const paid = await step.waitForEvent(`wait-for-payment-${n}`, {
        event: invoicePaid,
        timeout: settings.reminderInterval,
        if: "async.data.invoiceId == event.data.invoiceId",
      });
      if (paid) {
        await progress.result("completed", { invoiceId: invoice.invoiceId, paidAt: paid.data.paidAt });
        return { outcome: "paid" as const, invoiceId: invoice.invoiceId, paidAt: paid.data.paidAt, reminders: n };
      }
    }

    await webhook.notify(
      step,
      "escalate",
      `Invoice ${invoice.invoiceId} of client ${invoice.clientId} (${total}, due ${invoice.dueDate}) is unpaid after ` +
        `${max} reminders. Please follow it up personally.`,
    );
    await progress.result("expired", { invoiceId: invoice.invoiceId, escalated: true });
    return { outcome: "escalated" as const, invoiceId: invoice.invoiceId, reminders: max };
  },
);
