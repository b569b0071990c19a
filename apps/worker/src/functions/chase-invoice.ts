import { invoiceIssued, invoicePaid } from "@studio/events";
import { inngest } from "../client.ts";
import { env } from "../env.ts";
import { onChaseInvoiceFailure } from "../failures/chase-invoice-failure.ts";
import { progressFor } from "../progress/progress.ts";
import { EMAIL_PROVIDER_CONCURRENCY } from "../services/email-concurrency.ts";
import { formatMoney } from "./format-money.ts";
import { functionIds } from "./function-ids.ts";
import { overdueAt } from "./overdue-at.ts";

/**
 * chase-invoice: chases an issued invoice until it is paid, then hands over to a human.
 *
 * Trigger: studio/invoice.issued (from the web app).
 * Flow: sleepUntil the invoice is overdue (the day after its due date) → up to
 * INVOICE_MAX_REMINDERS times: email a reminder to the billing contact, then wait
 * INVOICE_REMINDER_INTERVAL for studio/invoice.paid (same invoiceId) → still unpaid: escalate to
 * the team channel. Progress is published on `invoice:<invoiceId>`.
 *
 * Flow control:
 * - cancelOn studio/invoice.paid (same invoiceId): a payment while the run sleeps until the due
 *   date (days or weeks) must end it, or the client would get a reminder for a paid invoice.
 *   The reminder waits listen for the same event so a payment between reminders ends the run
 *   as "paid"; whichever of the two Inngest matches first, no more reminders go out.
 * - concurrency: the email budget shared with the other emailing functions.
 * - priority: when many invoices fall due together, large ones (≥ 10,000.00 in minor units of
 *   any currency) start up to 2 minutes ahead of the queue.
 * - retries 3; each reminder is its own step, so a retry never emails twice.
 *
 * On failure (onChaseInvoiceFailure): emits studio/automation.failed and alerts the team, who
 * take over the chase. Reminders already sent cannot be unsent, so nothing is compensated.
 *
 * Applies:
 * - docs/research/inngest/wait-for-an-event.md#a-wait-and-a-cancelon-on-the-same-event-race (invoice.paid ends it either way)
 * - docs/research/inngest/scheduling-a-one-off-function.md#what-it-does (the long sleepUntil)
 * - docs/research/inngest/inngest-functions-resources.md#priority (large invoices first)
 * - docs/research/inngest/inngest-functions-resources.md#a-constant-key-must-be-a-cel-string-literal (the shared email budget)
 * - docs/research/inngest/failure-handlers.md#a-rerun-starts-the-whole-run-again (why on-call takes over by hand)
 */
export const chaseInvoice = inngest.createFunction(
  {
    id: functionIds.chaseInvoice,
    name: "Invoices: chase until paid",
    triggers: [invoiceIssued],
    cancelOn: [{ event: invoicePaid, if: "async.data.invoiceId == event.data.invoiceId" }],
    concurrency: [EMAIL_PROVIDER_CONCURRENCY],
    priority: { run: "event.data.total.amount >= 1000000 ? 120 : 0" },
    retries: 3,
    onFailure: (ctx) => onChaseInvoiceFailure(ctx),
  },
  async ({ event, step, logger, email, webhook }) => {
    const invoice = event.data;
    const total = formatMoney(invoice.total);
    const progress = progressFor({ step, logger }, functionIds.chaseInvoice, `invoice:${invoice.invoiceId}`);
    const overdue = overdueAt(invoice.dueDate);

    await progress.update("due", "Waiting for the due date", "waiting", `overdue from ${overdue.toISOString()}`);
    await step.sleepUntil("wait-until-overdue", overdue);

    const max = env.INVOICE_MAX_REMINDERS;
    for (let n = 1; n <= max; n++) {
      await step.run(`send-reminder-${n}`, () =>
        email.send({
          to: invoice.encrypted.billingEmail,
          subject: `Reminder ${n} of ${max}: invoice ${invoice.invoiceId} (${total}) is overdue`,
          text:
            `Dear ${invoice.encrypted.billingName},\n\ninvoice ${invoice.invoiceId} for ${total} was due on ${invoice.dueDate} ` +
            `and we have not received payment yet. Please arrange payment at your earliest convenience.\n\nStudio+233`,
        }),
      );
      await progress.update(`reminder-${n}`, `Reminder ${n} of ${max} sent`, "done");
      const paid = await step.waitForEvent(`wait-for-payment-${n}`, {
        event: invoicePaid,
        timeout: env.INVOICE_REMINDER_INTERVAL.text,
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
