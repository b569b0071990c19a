import { fixtures, analyseBriefFixtures } from "@studio/events/fixtures";
import { describe, expect, it } from "vitest";
import { findAnalysis } from "./find-analysis.ts";
import { type ActivityEvent } from "./types.ts";

const base = { internalId: "E", receivedAt: "2026-11-25T10:00:00Z", dataSealed: false, runs: [] };
const analysed = fixtures.briefAnalysed.valid[0];

describe("findAnalysis", () => {
  it("finds the analysis an intake run got back from the AI app, wrapped or not", () => {
    const result = analyseBriefFixtures.return.valid[0];
    for (const data of [result, { data: result }]) {
      const activity: ActivityEvent[] = [
        { ...base, name: "studio/brief.submitted", data: {}, runs: [{ runId: "R", functionSlug: "s", functionName: "n", status: "Completed", output: { invoked: [{ step: "analyse-brief", data }] } }] },
      ];
      expect(findAnalysis(activity)).toEqual(result);
    }
  });

  it("prefers the latest revision and ignores data that breaks the contract", () => {
    const activity: ActivityEvent[] = [
      { ...base, name: "ai/brief.analysed", data: { ...analysed, revision: 2 } },
      { ...base, name: "ai/brief.analysed", data: { ...analysed, revision: 1 } },
      { ...base, name: "ai/brief.analysed", data: { ...analysed, revision: 9, analysis: { summary: "" } } },
    ];
    expect(findAnalysis(activity)?.revision).toBe(2);
    expect(findAnalysis([])).toBeUndefined();
  });

  it("reads a v2 event, whose analysis travels under encrypted (revealed here)", () => {
    const v2 = fixtures.briefAnalysedV2.valid[0];
    const found = findAnalysis([{ ...base, name: "ai/brief.analysed", data: v2 }]);
    expect(found).toEqual({ briefId: v2.briefId, revision: v2.revision, model: v2.model, usage: v2.usage, analysis: v2.encrypted.analysis });
  });
});
