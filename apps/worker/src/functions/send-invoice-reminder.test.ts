import { invoiceIssuedFixtures } from "@studio/events/fixtures";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { runFunction, expectError } from "../testing/run-function.ts";
import { sendInvoiceReminder } from "./send-invoice-reminder.ts";

const invoice = invoiceIssuedFixtures.valid[0];
const reminder = { invoiceId: invoice.invoiceId, total: invoice.total, dueDate: invoice.dueDate, n: 2, max: 3, encrypted: invoice.encrypted };
const run = (data: unknown = reminder) => runFunction(sendInvoiceReminder, { events: [{ name: "inngest/function.invoked", data: data as Record<string, unknown> }] });

describe("send-invoice-reminder", () => {
  beforeEach(() => outside().reset());

  it("emails the billing contact reminder n of max", async () => {
    const { result, error } = await run();
    expect(error).toBeUndefined();
    const subject = `Reminder 2 of 3: invoice ${invoice.invoiceId} (12,500.00 EUR) is overdue`;
    expect(result).toEqual({ sentTo: invoice.encrypted.billingEmail, subject });
    const [email] = outside().received("/email");
    expect(email?.headers.authorization).toBe("Bearer test-email-key");
    expect(email?.body).toMatchObject({ to: invoice.encrypted.billingEmail, subject });
    expect((email?.body as { text: string }).text).toContain(`Dear ${invoice.encrypted.billingName},`);
  });

  it("an email 4xx fails at once; a 5xx is retried", async () => {
    outside().always("/email", { status: 400, body: "invalid payload" });
    expectError((await run()).error, "NonRetriableError", "email rejected the request with HTTP 400");
    outside().reset();
    outside().always("/email", { status: 503 });
    expect((await run()).error).toMatchObject({ name: "Error", message: "email failed with HTTP 503" });
  });

  it("rejects a hand-over that breaks its schema without retrying", async () => {
    const { error } = await run({ ...reminder, n: 0 });
    expect(error).toMatchObject({ name: "EventValidationError" });
  });
});
