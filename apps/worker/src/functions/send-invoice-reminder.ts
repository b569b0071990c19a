import { invoiceIssued } from "@studio/events";
import { invoke } from "inngest";
import { z } from "zod";
import { inngest } from "../client.ts";
import { EMAIL_PROVIDER_CONCURRENCY } from "../services/email-concurrency.ts";
import { formatMoney } from "./format-money.ts";
import { functionIds } from "./function-ids.ts";

/** What chase-invoice hands over for one reminder; personal data stays under `encrypted` (encrypted on invoke). */
export const invoiceReminderSchema = z.object({
  invoiceId: invoiceIssued.schema.shape.invoiceId,
  total: invoiceIssued.schema.shape.total,
  dueDate: invoiceIssued.schema.shape.dueDate,
  n: z.int().min(1),
  max: z.int().min(1),
  encrypted: invoiceIssued.schema.shape.encrypted,
});

/**
 * send-invoice-reminder: emails one overdue-invoice reminder, invoked by chase-invoice.
 *
 * Trigger: invoke only (from chase-invoice, after its sleep until the due date).
 * Flow: email the billing contact → return whom it emailed.
 *
 * Flow control, the reason this is its own run:
 * - concurrency: the email budget shared with the other emailing functions.
 * - priority: when many invoices fall due together, large ones (≥ 10,000.00 in minor units of any
 *   currency) go up to 2 minutes ahead of the queue. Inngest applies a run's priority to its start
 *   and step queue items but not to a sleep's wake-up, and every chase sleeps until its due date
 *   first: a reminder sent from chase-invoice itself would queue for the email budget in the order
 *   the sleeps ended. Started by invoke, each reminder is a new run whose start item carries it.
 * - retries 3; the email is one step, never repeated after success.
 * On failure: the invoke in chase-invoice fails, so chase-invoice's handler reports and alerts.
 *
 * Applies:
 * - docs/research/inngest/inngest-functions-resources.md#priority (large invoices first)
 * - docs/research/inngest/inngest-functions-resources.md#a-constant-key-must-be-a-cel-string-literal (the shared email budget)
 */
export const sendInvoiceReminder = inngest.createFunction(
  {
    id: functionIds.sendInvoiceReminder,
    name: "Invoices: send one reminder",
    triggers: [invoke(invoiceReminderSchema)],
    concurrency: [EMAIL_PROVIDER_CONCURRENCY],
    priority: { run: "event.data.total.amount >= 1000000 ? 120 : 0" },
    retries: 3,
  },
  async ({ event, step, email }) => {
    const { invoiceId, dueDate, n, max, encrypted } = event.data;
    const total = formatMoney(event.data.total);
    return step.run("email-reminder", () =>
      email.send({
        to: encrypted.billingEmail,
        subject: `Reminder ${n} of ${max}: invoice ${invoiceId} (${total}) is overdue`,
        text:
          `Dear ${encrypted.billingName},\n\ninvoice ${invoiceId} for ${total} was due on ${dueDate} ` +
          `and we have not received payment yet. Please arrange payment at your earliest convenience.\n\nStudio+233`,
      }),
    );
  },
);
