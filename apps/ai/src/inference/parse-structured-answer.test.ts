import { briefAnalysisSchema } from "@studio/events";
import { describe, expect, it } from "vitest";
import { parseStructuredAnswer } from "./parse-structured-answer.ts";

const good = { summary: "S", deliverables: ["D"], risks: [], estimate: { hours: 3, confidence: "high" } };

describe("parseStructuredAnswer", () => {
  it("accepts a bare JSON object", () => {
    expect(parseStructuredAnswer(JSON.stringify(good), briefAnalysisSchema)).toEqual({ ok: true, value: good });
  });

  it("accepts JSON inside a code fence or between sentences", () => {
    expect(parseStructuredAnswer("Here you go:\n```json\n" + JSON.stringify(good) + "\n```\nAnything else?", briefAnalysisSchema).ok).toBe(true);
    expect(parseStructuredAnswer(`Result: ${JSON.stringify(good)} (done)`, briefAnalysisSchema).ok).toBe(true);
  });

  it("names every field that breaks the schema", () => {
    const bad = { ...good, deliverables: [], estimate: { hours: "ten", confidence: "certain" } };
    const parsed = parseStructuredAnswer(JSON.stringify(bad), briefAnalysisSchema);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(3);
    expect(parsed.problems.join("\n")).toMatch(/^deliverables: /m);
    expect(parsed.problems.join("\n")).toMatch(/^estimate\.hours: /m);
    expect(parsed.problems.join("\n")).toMatch(/^estimate\.confidence: /m);
  });

  it("explains text that is not JSON, and a cut-off answer", () => {
    expect(parseStructuredAnswer("three visuals, about a week", briefAnalysisSchema)).toEqual({
      ok: false,
      problems: ["the answer contains no JSON object"],
    });
    const cut = parseStructuredAnswer('{"summary": "S", "deliverables": ["a"', briefAnalysisSchema, true);
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.problems[0]).toMatch(/cut off at the token limit/);
    const invalid = parseStructuredAnswer('{"summary": "S",}', briefAnalysisSchema);
    if (!invalid.ok) expect(invalid.problems[0]).toMatch(/^the answer is not valid JSON \(/);
  });
});
