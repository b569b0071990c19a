import { NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { classifyResponse, parseRetryAfter } from "./classify-response.ts";

const headers = (h: Record<string, string> = {}) => new Headers(h);
const now = () => Date.parse("2027-01-01T00:00:00Z");

describe("classifyResponse", () => {
  it.each([200, 201, 202, 204])("%i is success", (status) => {
    expect(classifyResponse("email", status, headers(), "")).toBeUndefined();
  });

  it.each([400, 401, 403, 404, 409, 410, 422])("%i is permanent: NonRetriableError naming service and status", (status) => {
    const error = classifyResponse("email", status, headers(), "nope");
    expect(error).toBeInstanceOf(NonRetriableError);
    expect(error?.message).toMatch(new RegExp(`^email rejected the request with HTTP ${status} \\(a 4-character untyped answer, not quoted\\)\\. Retrying cannot help`));
  });

  it("429 with Retry-After seconds: RetryAfterError for that delay", () => {
    const error = classifyResponse("rendition", 429, headers({ "retry-after": "30" }), "");
    expect(error).toBeInstanceOf(RetryAfterError);
    expect((error as RetryAfterError).retryAfter).toBe("30");
    expect(error?.message).toBe("rendition is rate limiting (HTTP 429); retrying after 30s");
  });

  it("429 with an HTTP-date Retry-After: RetryAfterError until then", () => {
    const error = classifyResponse("rendition", 429, headers({ "retry-after": "Fri, 01 Jan 2027 00:02:00 GMT" }), "", now);
    expect((error as RetryAfterError).retryAfter).toBe("120");
  });

  it.each([
    ["429 without Retry-After", 429, {}],
    ["429 with an unreadable Retry-After", 429, { "retry-after": "soon" }],
    ["408 request timeout", 408, {}],
    ["500", 500, {}],
    ["502", 502, {}],
    ["503", 503, {}],
  ])("%s is a plain Error (normal retry with backoff)", (_label, status, h) => {
    const error = classifyResponse("webhook", status, headers(h), "");
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(NonRetriableError);
    expect(error).not.toBeInstanceOf(RetryAfterError);
    expect(error?.message).toContain(`HTTP ${status}`);
  });

  it.each([422, 429, 500])("never copies the answer into the error (HTTP %i), only its size and type", (status) => {
    // What an answer can hold: the address we emailed, a token echoed back, an internal page.
    const body = '{"error":"bad recipient ada@example.com","echo":"Bearer sk-live-123","page":"<title>router admin</title>"}';
    const error = classifyResponse("email", status, headers({ "content-type": "application/json; charset=utf-8" }), body);
    expect(error?.message).toContain(`(a ${body.length}-character application/json answer, not quoted)`);
    for (const leaked of ["ada@example.com", "sk-live-123", "router admin", "bad recipient"]) expect(error?.message).not.toContain(leaked);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates; ignores nonsense", () => {
    expect(parseRetryAfter("0")).toBe(0);
    expect(parseRetryAfter("15")).toBe(15_000);
    expect(parseRetryAfter("Fri, 01 Jan 2027 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Thu, 31 Dec 2026 23:00:00 GMT", now)).toBe(0); // in the past: now
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("  ")).toBeUndefined();
    expect(parseRetryAfter("later")).toBeUndefined();
  });
});
