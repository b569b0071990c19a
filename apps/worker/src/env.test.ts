import { LOCAL_OUTBOX_TOKEN } from "@studio/middleware";
import { describe, expect, it } from "vitest";
import { importWithEnv } from "./testing/import-with-env.ts";

const loadEnv = (overrides: Record<string, string>) => importWithEnv(overrides, () => import("./env.ts"));

describe("worker env", () => {
  it("has the documented defaults", async () => {
    const { env } = await loadEnv({
      WEBHOOK_URL: "",
      EMAIL_API_URL: "",
      RENDITION_URL: "",
      WEBHOOK_VIA_INNGEST: "",
      EMAIL_API_KEY: "",
      APPROVAL_TIMEOUT: "",
      INVOICE_MAX_REMINDERS: "",
      RENDITION_RATE: "",
      DIGEST_CLIENTS: "",
      PORT: "3001",
    });
    expect(env.WEBHOOK_URL).toBe("http://127.0.0.1:3000/api/outbox/webhook");
    expect(env.EMAIL_API_URL).toBe("http://127.0.0.1:3000/api/outbox/email");
    // The local outbox takes only requests with an API token: the web app's public dev one.
    expect([env.WEBHOOK_TOKEN, env.EMAIL_API_KEY]).toEqual([LOCAL_OUTBOX_TOKEN, LOCAL_OUTBOX_TOKEN]);
    expect(env.RENDITION_URL).toBe("http://127.0.0.1:3001/local/rendition");
    expect(env.usesLocalRendition).toBe(true);
    expect(env.APPROVAL_TIMEOUT.text).toBe("3d");
    expect(env.APPROVAL_REMINDER_AFTER.text).toBe("1d");
    expect(env.INVOICE_REMINDER_INTERVAL.text).toBe("7d");
    expect(env.INVOICE_MAX_REMINDERS).toBe(3);
    expect(env.DIGEST_CRON).toBe("TZ=Europe/London 0 9 * * MON");
    expect(env.RENDITION_RATE).toMatchObject({ limit: 10, period: "1m" });
    expect(env.DIGEST_CLIENTS.size).toBe(0);
  });

  it("stops with one message naming every bad variable", async () => {
    const failure = await loadEnv({ APPROVAL_TIMEOUT: "soon", RENDITION_RATE: "fast", WEBHOOK_URL: "ftp://x" }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: "ConfigError" });
    const message = (failure as Error).message;
    expect(message).toContain('APPROVAL_TIMEOUT is invalid: "soon" is not a duration');
    expect(message).toContain('RENDITION_RATE is invalid: "fast" is not a rate');
    expect(message).toContain("WEBHOOK_URL is invalid");
  });

  it("refuses a reminder that would come after the brief expired", async () => {
    await expect(loadEnv({ APPROVAL_REMINDER_AFTER: "3d", APPROVAL_TIMEOUT: "1d" })).rejects.toThrow(
      /APPROVAL_REMINDER_AFTER is invalid: must be shorter than APPROVAL_TIMEOUT \(1d\)/,
    );
  });

  it("in cloud mode, requires the real service URLs (no local stand-ins)", async () => {
    await expect(
      loadEnv({ INNGEST_DEV: "0", INNGEST_SIGNING_KEY: "signkey-test-00", WEBHOOK_URL: "", EMAIL_API_URL: "https://mail.example/send", RENDITION_URL: "", EVENT_TARGET_ALLOW_PRIVATE: "" }),
    ).rejects.toThrow("[worker] WEBHOOK_URL, RENDITION_URL are not set, and cloud mode has no local stand-ins");
  });

  describe("addresses from event data", () => {
    it("allow no host by default", async () => {
      expect((await loadEnv({ EVENT_TARGET_HOSTS: "" })).env.EVENT_TARGET_HOSTS).toEqual([]);
    });

    it.each([
      ["in cloud mode", { INNGEST_DEV: "0", INNGEST_SIGNING_KEY: "signkey-test-00" }, "is set in cloud mode"],
      ["in a deployed app", { NODE_ENV: "production", STUDIO_UNSAFE_ALLOW_DEV_MODE: "1" }, "is set in a deployed app (NODE_ENV=production)"],
    ])("refuse the private-target allowance %s", async (_where, overrides, says) => {
      await expect(loadEnv({ ...overrides, EVENT_TARGET_ALLOW_PRIVATE: "1" })).rejects.toThrow(`[worker] EVENT_TARGET_ALLOW_PRIVATE ${says}`);
    });
  });

  it("refuses WEBHOOK_VIA_INNGEST with a WEBHOOK_TOKEN (the token would be recorded in every trace)", async () => {
    await expect(loadEnv({ WEBHOOK_VIA_INNGEST: "1", WEBHOOK_TOKEN: "tok-0123456789" })).rejects.toThrow(
      "[worker] WEBHOOK_VIA_INNGEST and WEBHOOK_TOKEN are both set",
    );
  });
});
