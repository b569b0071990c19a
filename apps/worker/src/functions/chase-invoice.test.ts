import { invoicePaid } from "@studio/events";
import { invoiceIssuedFixtures, invoicePaidFixtures } from "@studio/events/fixtures";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { fetchStepId, gatewayAnswer, runFunction, stepCalls, teamMessages, expectError } from "../testing/run-function.ts";
import { chaseInvoice } from "./chase-invoice.ts";

const invoice = invoiceIssuedFixtures.valid[0];
const trigger = { name: "studio/invoice.issued", data: invoice };
const paid = { name: "studio/invoice.paid", id: "evt-paid", ts: 0, data: invoicePaidFixtures.valid[0] };
const run = (waits: Record<string, unknown>, webhook = gatewayAnswer(200, "ok")) =>
  runFunction(chaseInvoice, { events: [trigger], waitForEvent: waits, steps: { [fetchStepId("127.0.0.1")]: webhook } });
const reminders = () => outside().received("/email");

describe("chase-invoice", () => {
  beforeEach(() => outside().reset());

  it("is cancelled by invoice.paid, shares the email budget and puts large invoices first", () => {
    expect(chaseInvoice.opts.cancelOn).toEqual([{ event: invoicePaid, if: "async.data.invoiceId == event.data.invoiceId" }]);
    expect(chaseInvoice.opts.concurrency).toEqual([{ scope: "env", key: '"email-provider"', limit: 10 }]);
    expect(chaseInvoice.opts.priority).toEqual({ run: "event.data.total.amount >= 1000000 ? 120 : 0" });
  });

  it("sleeps until the day after the due date, reminds, and ends when paid", async () => {
    const { result, error, ctx } = await run({ "wait-for-payment-1": paid });
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "paid", invoiceId: invoice.invoiceId, paidAt: paid.data.paidAt, reminders: 1 });
    expect(stepCalls(ctx.step.sleepUntil)).toEqual([["wait-until-overdue", new Date("2027-05-01T00:00:00.000Z")]]);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]?.body).toMatchObject({
      to: invoice.encrypted.billingEmail,
      subject: `Reminder 1 of 2: invoice ${invoice.invoiceId} (12,500.00 EUR) is overdue`,
    });
    const waits = stepCalls(ctx.step.waitForEvent).map(([id, o]) => [id, (o as { timeout: string }).timeout, (o as { if: string }).if]);
    expect(waits).toEqual([["wait-for-payment-1", "7d", "async.data.invoiceId == event.data.invoiceId"]]);
    expect(outside().published().at(-1)?.data).toMatchObject({ outcome: "completed", data: { paidAt: paid.data.paidAt } });
  });

  it("keeps reminding until paid", async () => {
    const { result } = await run({ "wait-for-payment-1": null, "wait-for-payment-2": paid });
    expect(result).toMatchObject({ outcome: "paid", reminders: 2 });
    expect(reminders().map((r) => (r.body as { subject: string }).subject)).toEqual([
      expect.stringContaining("Reminder 1 of 2"),
      expect.stringContaining("Reminder 2 of 2"),
    ]);
  });

  it("escalates to the team after INVOICE_MAX_REMINDERS unanswered reminders", async () => {
    const { result, error, ctx } = await run({ "wait-for-payment-1": null, "wait-for-payment-2": null });
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "escalated", invoiceId: invoice.invoiceId, reminders: 2 });
    expect(reminders()).toHaveLength(2);
    expect(teamMessages(ctx.step.fetch)).toEqual([
      `Invoice ${invoice.invoiceId} of client client_acme (12,500.00 EUR, due 2027-04-30) is unpaid after 2 reminders. Please follow it up personally.`,
    ]);
    expect(outside().published().at(-1)?.data).toMatchObject({ outcome: "expired", data: { escalated: true } });
  });

  it("an email 4xx fails the run at once", async () => {
    outside().always("/email", { status: 400, body: "invalid payload" });
    const { error } = await run({ "wait-for-payment-1": paid });
    expectError(error, "NonRetriableError", "email rejected the request with HTTP 400");
  });

  it("an unreachable email service is a retried error", async () => {
    outside().always("/email", { status: 503 });
    const { error } = await run({ "wait-for-payment-1": paid });
    expect(error).toMatchObject({ name: "Error", message: "email failed with HTTP 503" });
  });

  it("fails if the escalation cannot be posted", async () => {
    const { error } = await run({ "wait-for-payment-1": null, "wait-for-payment-2": null }, gatewayAnswer(401, "unauthorised"));
    expectError(error, "NonRetriableError", "webhook rejected the request with HTTP 401");
  });
});
