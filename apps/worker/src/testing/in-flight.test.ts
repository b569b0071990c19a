import { describe, expect, it } from "vitest";
import { maxInFlight, mostWithin } from "./in-flight.ts";

describe("maxInFlight", () => {
  it("counts calls answered after others arrived as overlapping", () => {
    expect(maxInFlight([])).toBe(0);
    expect(maxInFlight([{ at: 0, doneAt: 10 }, { at: 5, doneAt: 15 }, { at: 12, doneAt: 20 }])).toBe(2);
    expect(maxInFlight([{ at: 0, doneAt: 10 }, { at: 1, doneAt: 9 }, { at: 2, doneAt: 8 }])).toBe(3);
  });
  it("a call answered as the next arrives does not overlap it; an unanswered call is still in flight", () => {
    expect(maxInFlight([{ at: 0, doneAt: 10 }, { at: 10, doneAt: 20 }])).toBe(1);
    expect(maxInFlight([{ at: 0 }, { at: 100, doneAt: 110 }])).toBe(2);
  });
});

describe("mostWithin", () => {
  it("is the most times inside one window", () => {
    expect(mostWithin([0, 100, 200, 5000], 1000)).toBe(3);
    expect(mostWithin([5000, 0, 1000, 2000], 1000)).toBe(1);
    expect(mostWithin([], 1000)).toBe(0);
  });
});
