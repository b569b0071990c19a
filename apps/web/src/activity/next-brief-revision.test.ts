import { fixtures } from "@studio/events/fixtures";
import { describe, expect, it } from "vitest";
import { latestBriefUpdate } from "./latest-brief-update.ts";
import { nextBriefRevision } from "./next-brief-revision.ts";
import { type ActivityEvent } from "./types.ts";

const base = { internalId: "E", receivedAt: "2026-11-25T10:00:00Z", dataSealed: false, runs: [] };
const update = (revision: number, description = `revision ${revision}`): ActivityEvent => ({
  ...base,
  name: "studio/brief.updated",
  data: { briefId: "brief_01", revision, encrypted: { description } },
});

describe("brief revisions", () => {
  it("starts at 1 when the brief was never edited", () => {
    const submitted: ActivityEvent = { ...base, name: "studio/brief.submitted", data: fixtures.briefSubmitted.valid[0] };
    expect(nextBriefRevision([submitted])).toBe(1);
    expect(latestBriefUpdate([submitted])).toBeUndefined();
  });

  it("goes one past the highest revision, whatever order the events came in", () => {
    const activity = [update(2), update(3), update(1)];
    expect(nextBriefRevision(activity)).toBe(4);
    expect(latestBriefUpdate(activity)?.encrypted.description).toBe("revision 3");
  });

  it("ignores edits the contract rejects", () => {
    expect(nextBriefRevision([update(1), update(7, "")])).toBe(2);
  });

  it("gives the same number on every render until an edit arrives (a double-click sends one id)", () => {
    const activity = [update(1)];
    expect(nextBriefRevision(activity)).toBe(nextBriefRevision(activity));
  });
});
