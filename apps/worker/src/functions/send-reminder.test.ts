import { reminderScheduledFixtures, reminderScheduledV2Fixtures } from "@studio/events/fixtures";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { runFunction, stepCalls, expectError } from "../testing/run-function.ts";
import { sendReminder } from "./send-reminder.ts";

const emailReminder = reminderScheduledFixtures.valid[0];
const webhookReminder = () => ({
  ...reminderScheduledFixtures.valid[1],
  encrypted: { ...reminderScheduledFixtures.valid[1].encrypted, to: `${outside().url}/hooks/kickoff` },
});
const run = (data: unknown, v = "1") => runFunction(sendReminder, { events: [{ name: "studio/reminder.scheduled", data, v } as never] });
const v2 = (target: unknown) => ({ ...reminderScheduledV2Fixtures.valid[0], encrypted: { ...reminderScheduledV2Fixtures.valid[0].encrypted, target } });

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
    expect((await run(emailReminder)).error).toMatchObject({ name: "Error", message: "email failed with HTTP 500 (a 4-character text/plain answer, not quoted)" });
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

  describe("v2: the target typed by channel", () => {
    it("one trigger per version: v2 events by `v`, everything else as v1", () => {
      expect(sendReminder.opts.triggers).toEqual([
        expect.objectContaining({ if: "event.v == '2'" }),
        expect.objectContaining({ if: "event.v != '2'" }),
      ]);
    });

    it("emails an email target", async () => {
      const reminder = reminderScheduledV2Fixtures.valid[0];
      const { result, error } = await run(reminder, "2");
      expect(error).toBeUndefined();
      expect(result).toEqual({ delivered: "email", reminderId: reminder.reminderId });
      expect(outside().received("/email").map((r) => (r.body as { to: string }).to)).toEqual([reminder.encrypted.target.address]);
    });

    it("posts to a webhook target on an allowed host", async () => {
      const { result, error } = await run(v2({ channel: "webhook", url: `${outside().url}/hooks/v2` }), "2");
      expect(error).toBeUndefined();
      expect(result).toMatchObject({ delivered: "webhook" });
      expect(outside().received("/hooks/v2")).toHaveLength(1);
    });
  });

  describe("a reminder's own URL cannot reach what the worker must not call", () => {
    it.each([
      ["v2, the cloud metadata endpoint", () => v2({ channel: "webhook", url: "http://169.254.169.254/latest/meta-data/iam" }), "2"],
      ["v2, a host outside EVENT_TARGET_HOSTS", () => v2({ channel: "webhook", url: `${outside().url.replace("127.0.0.1", "localhost")}/hooks/x` }), "2"],
      ["v1, the cloud metadata endpoint", () => ({ ...webhookReminder(), encrypted: { ...webhookReminder().encrypted, to: "http://169.254.169.254/" } }), "1"],
    ])("%s: fails at once (TargetRefusedError), nothing sent", async (_what, data, v) => {
      const { error } = await run(data(), v);
      expectError(error, "TargetRefusedError", "refused");
      expect((error as Error).message).not.toContain("latest/meta-data");
      expect(outside().received().filter((r) => r.path.startsWith("/hooks"))).toEqual([]);
    });

    it("v1: a `to` that does not fit its channel is not delivered (and not retried)", async () => {
      const emailAsUrl = { ...emailReminder, encrypted: { ...emailReminder.encrypted, to: "http://169.254.169.254/" } };
      expectError((await run(emailAsUrl)).error, "NonRetriableError", "its email target is not an email address");
      expect(outside().received("/email")).toEqual([]);
    });
  });
});
