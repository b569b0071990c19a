import { fixtures } from "@studio/events/fixtures";
import { describe, expect, it } from "vitest";
import { findReminder } from "./find-reminder.ts";
import { type ActivityEvent } from "./types.ts";

const base = { internalId: "E", receivedAt: "2026-11-25T10:00:00Z", dataSealed: false, runs: [], name: "studio/reminder.scheduled" };

describe("findReminder", () => {
  it("reads a v2 reminder by its typed target: the address for email, the URL for a webhook", () => {
    const [email, webhook] = fixtures.reminderScheduledV2.valid;
    expect(findReminder([{ ...base, data: email }])).toEqual({
      sendAt: email.sendAt,
      channel: "email",
      to: "ada@example.com",
      subject: email.encrypted.subject,
      message: email.encrypted.message,
    });
    expect(findReminder([{ ...base, data: webhook }])).toMatchObject({ channel: "webhook", to: webhook.encrypted.target.url });
  });

  it("still reads a deprecated v1 reminder from Inngest's history, and ignores data that breaks both contracts", () => {
    const v1 = fixtures.reminderScheduled.valid[0];
    expect(findReminder([{ ...base, data: v1 }])).toMatchObject({ channel: v1.channel, to: v1.encrypted.to });
    const broken: ActivityEvent[] = [{ ...base, data: { reminderId: "r", encrypted: { target: { channel: "sms" } } } }];
    expect(findReminder(broken)).toBeUndefined();
  });
});
