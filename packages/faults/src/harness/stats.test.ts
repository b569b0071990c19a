import { describe, expect, it } from "vitest";
import { latencySummary, maxInFlightByKey, maxInWindow, percentile } from "./stats.ts";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
  it("picks measured values", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });
  it("is NaN for no values", () => {
    expect(percentile([], 50)).toBeNaN();
  });
  it("summarises with the maximum", () => {
    expect(latencySummary([3, 1, 2])).toEqual({ n: 3, p50: 2, p95: 3, p99: 3, max: 3 });
  });
});

describe("maxInFlightByKey", () => {
  it("counts overlaps per key, not across keys", () => {
    const result = maxInFlightByKey([
      { key: "a", start: 0, end: 10 },
      { key: "a", start: 5, end: 15 },
      { key: "a", start: 12, end: 20 },
      { key: "b", start: 0, end: 100 },
    ]);
    expect(result.get("a")).toBe(2);
    expect(result.get("b")).toBe(1);
  });
  it("does not count a start at the instant another ends as an overlap", () => {
    expect(maxInFlightByKey([{ key: "k", start: 0, end: 5 }, { key: "k", start: 5, end: 9 }]).get("k")).toBe(1);
  });
  it("treats an interval with no end as still open", () => {
    expect(maxInFlightByKey([{ key: "k", start: 0 }, { key: "k", start: 1000, end: 1001 }]).get("k")).toBe(2);
  });
});

describe("maxInWindow", () => {
  it("finds the busiest window", () => {
    expect(maxInWindow([0, 100, 200, 999, 1000, 1001, 1500], 1000)).toBe(5); // 100..1001 fall in [100, 1100)
    expect(maxInWindow([0, 1000, 2000], 1000)).toBe(1);
    expect(maxInWindow([], 1000)).toBe(0);
  });
});
