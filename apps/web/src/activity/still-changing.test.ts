import { describe, expect, it } from "vitest";
import { settleMs, stillChanging } from "./still-changing.ts";
import { type ActivityEvent, type ActivityRun } from "./types.ts";

const now = Date.parse("2026-11-25T12:00:00.000Z");
const event = (...runs: Array<Pick<ActivityRun, "status" | "endedAt">>): ActivityEvent => ({
  internalId: "01J0",
  name: "studio/brief.approved",
  receivedAt: "2026-11-25T11:00:00.000Z",
  data: {},
  dataSealed: false,
  runs: runs.map((run, i) => ({ runId: `run${i}`, functionSlug: "studio-worker-intake-brief", functionName: "Intake", ...run })),
});
const ago = (ms: number) => new Date(now - ms).toISOString();

describe("stillChanging", () => {
  it("is true while a run is going", () => {
    expect(stillChanging([event({ status: "Running" })], now)).toBe(true);
    expect(stillChanging([event({ status: "Queued" })], now)).toBe(true);
  });

  it("stays true for a moment after a run ended, until what it sent is listed", () => {
    expect(stillChanging([event({ status: "Completed", endedAt: ago(2_000) })], now)).toBe(true);
    expect(stillChanging([event({ status: "Failed", endedAt: ago(settleMs - 1) })], now)).toBe(true);
    expect(stillChanging([event({ status: "Completed", endedAt: ago(settleMs) })], now)).toBe(false);
  });

  it("is false for settled runs, events without runs and no events", () => {
    expect(stillChanging([event({ status: "Completed", endedAt: ago(60_000) }), event({ status: "Cancelled", endedAt: ago(90_000) })], now)).toBe(false);
    expect(stillChanging([event()], now)).toBe(false);
    expect(stillChanging([], now)).toBe(false);
  });
});
