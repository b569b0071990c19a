import { assetTaggedV2, briefAnalysisSchema } from "@studio/events";
import { analyseBriefFixtures, assetProcessedFixtures } from "@studio/events/fixtures";
import { describe, expect, it } from "vitest";
import { offlineAssetTags, OFFLINE_TAG } from "./offline-asset-tags.ts";
import { OFFLINE_SUMMARY_PREFIX, offlineBriefAnalysis } from "./offline-brief-analysis.ts";

describe("the offline brief analysis", () => {
  const brief = analyseBriefFixtures.data.valid[0];

  it("is deterministic, derived from the brief, and labelled as a placeholder", () => {
    const a = offlineBriefAnalysis(brief);
    expect(offlineBriefAnalysis(brief)).toEqual(a);
    expect(briefAnalysisSchema.parse(a)).toEqual(a);
    expect(a.summary.startsWith(OFFLINE_SUMMARY_PREFIX)).toBe(true);
    expect(a.summary).toContain(brief.encrypted.title);
    expect(a.deliverables.join(" ")).toMatch(/key visuals/i);
    expect(a.risks[0]).toMatch(/^Offline placeholder/);
    expect(a.estimate.confidence).toBe("low");
  });

  it("reads timeline and open points from the text, and stays valid for any brief", () => {
    const rushed = offlineBriefAnalysis({ encrypted: { title: "Launch", description: "Urgent: a landing page and two banners by Friday; copy TBC. Budget £2k." } });
    expect(rushed.risks).toEqual(expect.arrayContaining(["The brief mentions a tight timeline.", "Parts of the brief are marked as not final."]));
    expect(rushed.risks).not.toContain("No budget is mentioned.");
    const odd = offlineBriefAnalysis({ encrypted: { title: "x", description: "?".repeat(5000) } });
    expect(briefAnalysisSchema.safeParse(odd).success).toBe(true);
  });
});

describe("the offline asset tags", () => {
  it("are valid for the contract and say no model looked at the image", () => {
    const asset = assetProcessedFixtures.valid[0];
    const tags = offlineAssetTags(asset);
    expect(tags.tags[0]).toBe(OFFLINE_TAG);
    expect(tags.altText).toMatch(/^Offline placeholder, not an AI description: web\.webp/);
    expect(assetTaggedV2.schema.shape.encrypted.safeParse(tags).success).toBe(true);
  });
});
