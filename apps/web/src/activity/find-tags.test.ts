import { fixtures } from "@studio/events/fixtures";
import { describe, expect, it } from "vitest";
import { findTags } from "./find-tags.ts";

const base = { internalId: "E", receivedAt: "2026-11-25T10:00:00Z", dataSealed: false, runs: [], name: "studio/asset.tagged" };

describe("findTags", () => {
  it("reads a v2 tagging, whose tags and alt text travel under encrypted (revealed here)", () => {
    const v2 = fixtures.assetTaggedV2.valid[0];
    expect(findTags([{ ...base, data: v2 }])).toEqual({ tags: v2.encrypted.tags, altText: v2.encrypted.altText, model: v2.model });
  });

  it("still reads a deprecated v1 tagging, and ignores data that breaks both contracts", () => {
    const v1 = fixtures.assetTagged.valid[0];
    expect(findTags([{ ...base, data: v1 }])).toEqual({ tags: v1.tags, altText: v1.altText, model: v1.model });
    expect(findTags([{ ...base, data: { assetId: "a", encrypted: { tags: [] } } }])).toBeUndefined();
  });
});
