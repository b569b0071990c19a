import { invoiceIssuedFixtures, invoicePaidFixtures } from "@studio/events/fixtures";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { fetchStepId, gatewayAnswer, runFunction, stepCalls, teamMessages, expectError } from "../testing/run-function.ts";
import { chaseInvoice } from "./chase-invoice.ts";
import { sendInvoiceReminder } from "./send-invoice-reminder.ts";

const invoice = invoiceIssuedFixtures.valid[0];
const trigger = { name: "studio/invoice.issued", data: invoice };
const paid = { name: "studio/invoice.paid", id: "evt-paid", ts: 0, data: invoicePaidFixtures.valid[0] };
const sent = (n: number) => ({ sentTo: invoice.encrypted.billingEmail, subject: `Reminder ${n}` });
const run = (waits: Record<string, unknown>, webhook = gatewayAnswer(200, "ok"), steps: Record<string, unknown> = {}) =>
  runFunction(chaseInvoice, {
    events: [trigger],
    waitForEvent: waits,
    invoke: { "send-reminder-1": sent(1), "send-reminder-2": sent(2) },
    steps: { [fetchStepId("127.0.0.1")]: webhook, ...steps },
  });
/** The reminders handed to send-invoice-reminder (it emails them; see its own test), once per step id. */
const reminders = (ctx: { step: { invoke: unknown } }) => {
  const calls = (ctx.step.invoke as { mock: { calls: [string, { function: unknown; data: Record<string, unknown> }][] } }).mock.calls;
  return [...new Map(calls.map(([id, opts]) => [id, [id, opts.function, opts.data] as const])).values()];
};

describe("chase-invoice", () => {
  beforeEach(() => outside().reset());

  it("sleeps until the day after the due date, reminds, and ends when paid", async () => {
    const { result, error, ctx } = await run({ "wait-for-payment-1": paid });
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "paid", invoiceId: invoice.invoiceId, paidAt: paid.data.paidAt, reminders: 1 });
    expect(stepCalls(ctx.step.sleepUntil)).toEqual([["wait-until-overdue", new Date("2027-05-01T00:00:00.000Z")]]);
    expect(reminders(ctx)).toEqual([
      ["send-reminder-1", sendInvoiceReminder, { invoiceId: invoice.invoiceId, total: invoice.total, dueDate: invoice.dueDate, n: 1, max: 2, encrypted: invoice.encrypted }],
    ]);
    const waits = stepCalls(ctx.step.waitForEvent).map(([id, o]) => [id, (o as { timeout: string }).timeout, (o as { if: string }).if]);
    expect(waits).toEqual([["wait-for-payment-1", "7d", "async.data.invoiceId == event.data.invoiceId"]]);
    expect(outside().published().at(-1)?.data).toMatchObject({ outcome: "completed", data: { paidAt: paid.data.paidAt } });
  });

  it("keeps reminding until paid", async () => {
    const { result, ctx } = await run({ "wait-for-payment-1": null, "wait-for-payment-2": paid });
    expect(result).toMatchObject({ outcome: "paid", reminders: 2 });
    expect(reminders(ctx).map(([id, , data]) => [id, data])).toEqual([
      ["send-reminder-1", expect.objectContaining({ n: 1, max: 2 })],
      ["send-reminder-2", expect.objectContaining({ n: 2, max: 2 })],
    ]);
  });

  it("keeps the reminder count and interval recorded at its start, whatever the env says now", async () => {
    const recorded = { startedAt: "2027-04-01T00:00:00.000Z", maxReminders: 1, reminderInterval: "3d" };
    const { result, ctx } = await run({ "wait-for-payment-1": null }, gatewayAnswer(200, "ok"), { "record-settings": recorded });
    expect(result).toEqual({ outcome: "escalated", invoiceId: invoice.invoiceId, reminders: 1 });
    expect(reminders(ctx).map(([, , data]) => data)).toEqual([expect.objectContaining({ n: 1, max: 1 })]);
    expect(stepCalls(ctx.step.waitForEvent).map(([id, o]) => [id, (o as { timeout: string }).timeout])).toEqual([["wait-for-payment-1", "3d"]]);
  });

  it("sleeps towards a due date more than a year away in parts (Inngest's longest sleep is a year)", async () => {
    const far = { ...invoice, dueDate: "2029-06-30" };
    const recorded = { startedAt: "2027-04-01T00:00:00.000Z", maxReminders: 2, reminderInterval: "7d" };
    const { ctx } = await runFunction(chaseInvoice, {
      events: [{ name: trigger.name, data: far }],
      waitForEvent: { "wait-for-payment-1": paid },
      invoke: { "send-reminder-1": sent(1) },
      steps: { "record-settings": recorded },
    });
    expect(stepCalls(ctx.step.sleepUntil)).toEqual([
      ["wait-until-overdue-part-1", new Date("2028-03-26T00:00:00.000Z")],
      ["wait-until-overdue-part-2", new Date("2029-03-21T00:00:00.000Z")],
      ["wait-until-overdue", new Date("2029-07-01T00:00:00.000Z")],
    ]);
  });

  it("escalates to the team after INVOICE_MAX_REMINDERS unanswered reminders", async () => {
    const { result, error, ctx } = await run({ "wait-for-payment-1": null, "wait-for-payment-2": null });
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "escalated", invoiceId: invoice.invoiceId, reminders: 2 });
    expect(reminders(ctx)).toHaveLength(2);
    expect(teamMessages(ctx.step.fetch)).toEqual([
      `Invoice ${invoice.invoiceId} of client client_acme (12,500.00 EUR, due 2027-04-30) is unpaid after 2 reminders. Please follow it up personally.`,
    ]);
    expect(outside().published().at(-1)?.data).toMatchObject({ outcome: "expired", data: { escalated: true } });
  });

  it("a reminder that failed for good (send-invoice-reminder's retries used up) fails the chase, which reports it", async () => {
    const { error } = await runFunction(chaseInvoice, {
      events: [trigger],
      failSteps: { "send-reminder-1": { name: "NonRetriableError", message: "email rejected the request with HTTP 400" } },
    });
    expectError(error, "NonRetriableError", "email rejected the request with HTTP 400");
  });

  it("fails if the escalation cannot be posted", async () => {
    const { error } = await run({ "wait-for-payment-1": null, "wait-for-payment-2": null }, gatewayAnswer(401, "unauthorised"));
    expectError(error, "NonRetriableError", "webhook rejected the request with HTTP 401");
  });
});
