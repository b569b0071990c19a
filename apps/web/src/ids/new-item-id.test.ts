import { describe, expect, it } from "vitest";
import { newItemId } from "./new-item-id.ts";
import { briefSubmittedFixtures } from "@studio/events/fixtures";
import { briefSubmitted } from "@studio/events";

describe("newItemId", () => {
  it("is unique, prefixed, and a valid contract id", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newItemId("brief")));
    expect(ids.size).toBe(1000);
    for (const id of [...ids].slice(0, 5)) {
      expect(id).toMatch(/^brief_[0-9a-z]+$/);
      expect(briefSubmitted.schema.safeParse({ ...briefSubmittedFixtures.valid[0], briefId: id }).success).toBe(true);
    }
  });
});
