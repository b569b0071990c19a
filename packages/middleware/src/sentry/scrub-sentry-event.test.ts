import type { ErrorEvent } from "@sentry/core";
import { describe, expect, it } from "vitest";
import { scrubBreadcrumb, scrubSentryEvent, textScrubber } from "./scrub-sentry-event.ts";

const scrubText = textScrubber(["signkey-prod-abcdef0123456789"]);

describe("scrubSentryEvent", () => {
  const event: ErrorEvent = {
    type: undefined,
    message: "mail to jane@example.com failed",
    user: { id: "u-1", email: "jane@example.com", ip_address: "203.0.113.9", username: "jane" },
    request: {
      method: "POST",
      url: "https://app.example.com/api/inngest?fnId=x&token=abc",
      data: '{"event":{"data":{"name":"Jane Doe"}}}',
      cookies: { session: "s3cr3t" },
      query_string: "fnId=x&token=abc",
      headers: { "content-type": "application/json", authorization: "Bearer abc", "x-inngest-signature": "t=1&s=2", cookie: "a=b" },
    },
    exception: { values: [{ type: "Error", value: "key signkey-prod-abcdef0123456789 rejected for jane@example.com" }] },
    extra: { customer: { email: "jane@example.com", password: "hunter2" }, note: "call jane@example.com" },
    contexts: { trace: { trace_id: "t", span_id: "s", data: { "inngest.event": '{"data":{"name":"Jane Doe"}}', ok: 1 } } },
    breadcrumbs: [{ message: "console: hello jane@example.com", data: { authorization: "Bearer abc" } }],
    tags: { "inngest.run.id": "01RUN" },
  };
  const out = scrubSentryEvent(event, scrubText);

  it("keeps only the user's id", () => expect(out.user).toEqual({ id: "u-1" }));

  it("drops the request body, cookies, query and unsafe headers", () => {
    expect(out.request).toEqual({ method: "POST", url: "https://app.example.com/api/inngest", headers: { "content-type": "application/json" } });
  });

  it("scrubs e-mails and secret values from messages, exceptions, extra data and breadcrumbs", () => {
    expect(out.message).toBe("mail to [email] failed");
    expect(out.exception?.values?.[0]?.value).toBe("key [redacted] rejected for [email]");
    expect(out.extra).toEqual({ customer: { email: "[email]", password: "[redacted]" }, note: "call [email]" });
    expect(out.breadcrumbs).toEqual([{ message: "console: hello [email]", data: { authorization: "[redacted]" } }]);
  });

  it("drops the decrypted event the Sentry middleware attaches to spans, keeps the ids", () => {
    expect(out.contexts?.trace?.data).toEqual({ ok: 1 });
    expect(out.tags).toEqual({ "inngest.run.id": "01RUN" });
  });

  it("does not change the original event", () => expect(event.user?.email).toBe("jane@example.com"));

  it("scrubs breadcrumbs on their own (beforeBreadcrumb)", () => {
    expect(scrubBreadcrumb({ message: "to bob@example.org" }, scrubText)).toEqual({ message: "to [email]" });
  });
});
