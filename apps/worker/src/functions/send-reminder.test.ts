import { reminderScheduledFixtures } from "@studio/events/fixtures";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { runFunction, stepCalls, expectError } from "../testing/run-function.ts";
import { sendReminder } from "./send-reminder.ts";

const emailReminder = reminderScheduledFixtures.valid[0];
const webhookReminder = () => ({
  ...reminderScheduledFixtures.valid[1],
  encrypted: { ...reminderScheduledFixtures.valid[1].encrypted, to: `${outside().url}/hooks/kickoff` },
});
const run = (data: unknown) => runFunction(sendReminder, { events: [{ name: "studio/reminder.scheduled", data }] });

describe("send-reminder", () => {
  beforeEach(() => outside().reset());

  it("sleeps until sendAt, then emails the reminder", async () => {
    const { result, error, ctx } = await run(emailReminder);
    expect(error).toBeUndefined();
    expect(result).toEqual({ delivered: "email", reminderId: emailReminder.reminderId });
    expect(stepCalls(ctx.step.sleepUntil)).toEqual([["wait-until-send-at", emailReminder.sendAt]]);
    expect(outside().received("/email").map((r) => r.body)).toEqual([
      { to: emailReminder.encrypted.to, subject: emailReminder.encrypted.subject, text: emailReminder.encrypted.message },
    ]);
  });

  it("posts a webhook reminder to the reminder's own URL", async () => {
    const reminder = webhookReminder();
    const { result, error } = await run(reminder);
    expect(error).toBeUndefined();
    expect(result).toEqual({ delivered: "webhook", reminderId: reminder.reminderId });
    expect(outside().received("/hooks/kickoff").map((r) => r.body)).toEqual([
      { text: `${reminder.encrypted.subject}\n${reminder.encrypted.message}` },
    ]);
    expect(outside().received("/email")).toEqual([]);
  });

  it("an email 5xx is retried; a 4xx is not", async () => {
    outside().always("/email", { status: 500, body: "down" });
    expect((await run(emailReminder)).error).toMatchObject({ name: "Error", message: "email failed with HTTP 500: down" });
    outside().reset();
    outside().always("/email", { status: 403, body: "forbidden" });
    expect((await run(emailReminder)).error).toMatchObject({ name: "NonRetriableError" });
  });

  it("a webhook target that is gone (404) fails without retry", async () => {
    const reminder = { ...webhookReminder(), encrypted: { ...webhookReminder().encrypted, to: `${outside().url}/gone` } };
    const { error } = await run(reminder);
    expectError(error, "NonRetriableError", "reminder webhook rejected the request with HTTP 404");
  });

  it("a 429 from the webhook target honours Retry-After", async () => {
    outside().always("/hooks/kickoff", { status: 429, headers: { "retry-after": "5" } });
    const { error } = await run(webhookReminder());
    expectError(error, "RetryAfterError", "retrying after 5s");
  });
});
