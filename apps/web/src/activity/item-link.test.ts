import { describe, expect, it } from "vitest";
import { itemLink } from "./item-link.ts";

describe("itemLink", () => {
  it("links an event to the page of the item it is about", () => {
    expect(itemLink("studio/project.created", { briefId: "brief 1", projectId: "p" })).toEqual({ href: "/briefs/brief%201", label: "Brief brief 1" });
    expect(itemLink("studio/asset.tagged", { assetId: "a1" })).toEqual({ href: "/assets/a1", label: "Asset a1" });
    expect(itemLink("studio/diagnostics.pinged", { pingId: "x" })).toBeUndefined();
    expect(itemLink("studio/brief.approved", null)).toBeUndefined();
  });
});
