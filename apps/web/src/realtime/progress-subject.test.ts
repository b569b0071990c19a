import { describe, expect, it } from "vitest";
import { parseProgressSubject, progressSubject } from "./progress-subject.ts";

describe("progress subjects", () => {
  it("round-trips the subjects workflows publish to", () => {
    expect(progressSubject("brief", "brief_01")).toBe("brief:brief_01");
    expect(parseProgressSubject("brief:brief_01")).toEqual({ kind: "brief", id: "brief_01" });
    expect(parseProgressSubject("invoice:inv:2027")).toEqual({ kind: "invoice", id: "inv:2027" });
  });

  it("refuses anything else, so a token is only minted for a real item channel", () => {
    for (const bad of [undefined, 42, "", "brief:", ":x", "project:p1", "brief:has space", `brief:${"x".repeat(129)}`]) {
      expect(parseProgressSubject(bad)).toBeUndefined();
    }
  });
});
