import { describe, expect, it } from "vitest";
import { scrubLogFields } from "./scrub-log-fields.ts";

describe("scrubLogFields", () => {
  it("redacts sensitive fields at any depth and replaces encrypted envelopes", () => {
    const envelope = { __ENCRYPTED__: true, __STRATEGY__: "inngest/libsodium", data: "abc" };
    expect(
      scrubLogFields({
        event: { data: { orderId: "o-1", encrypted: { ssn: "1" } } },
        headers: { Authorization: "Bearer x", "content-type": "json" },
        list: [{ password: "p" }, envelope],
        STUDIO_ENCRYPTION_KEY: "k",
        storageKey: "uploads/a.png",
        object_key: "uploads/b.png",
        key: "uploads/c.png",
      }),
    ).toEqual({
      event: { data: { orderId: "o-1", encrypted: "[redacted]" } },
      headers: { Authorization: "[redacted]", "content-type": "json" },
      list: [{ password: "[redacted]" }, "[encrypted]"],
      STUDIO_ENCRYPTION_KEY: "[redacted]",
      storageKey: "uploads/a.png",
      object_key: "uploads/b.png",
      key: "uploads/c.png",
    });
  });

  it("returns the same object when nothing is sensitive (no copy)", () => {
    const fields = { a: 1, b: { c: [1, 2, { d: "e" }] } };
    expect(scrubLogFields(fields)).toBe(fields);
  });

  it("leaves errors and class instances alone (the err serializer handles them)", () => {
    const err = new Error("boom");
    const date = new Date(0);
    expect(scrubLogFields({ err, date })).toEqual({ err, date });
  });
});
