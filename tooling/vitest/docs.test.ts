import { describe, expect, it } from "vitest";
import { brokenDocLinks, undocumentedVariables } from "./docs.ts";

describe("the docs", () => {
  it("link only to files that exist", () => {
    expect(brokenDocLinks()).toEqual([]);
  });

  it("report an undocumented variable", () => {
    expect(undocumentedVariables(["LOG_LEVEL", "NOT_A_REAL_VARIABLE"], ["docs/configuration.md"])).toEqual(["NOT_A_REAL_VARIABLE"]);
  });
});
