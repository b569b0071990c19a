import { describe, expect, it } from "vitest";
import { failedItem } from "./failed-item.ts";

describe("failedItem", () => {
  it("names the brief, the asset or the ping of the failed run's event, or says it is unknown", () => {
    expect(failedItem({ name: "inngest/function.invoked", data: { briefId: "b1", encrypted: "…" } })).toBe("brief b1");
    expect(failedItem({ name: "studio/asset.processed", data: { assetId: "a1", projectId: "p" } })).toBe("asset a1");
    expect(failedItem({ name: "studio/diagnostics.pinged", data: { pingId: "ping_01" } })).toBe("ping ping_01");
    expect(failedItem({ name: "x", data: { briefId: 7 } })).toBe("an unknown item");
    expect(failedItem(undefined)).toBe("an unknown item");
  });
});
