import { describe, expect, it } from "vitest";
import { buildSnapshot } from "../json-schema/build-snapshot.ts";
import { type JsonSchema } from "../json-schema/types.ts";
import { compareSnapshots } from "./compare-snapshots.ts";
import { formatBreakingChange } from "./format-breaking-change.ts";

const current = buildSnapshot();
const path = "events/studio/brief.submitted/v1.json";
const schema = current.get(path) as JsonSchema;

describe("compareSnapshots", () => {
  it("finds nothing between the contract and itself", () => {
    expect(compareSnapshots(current, buildSnapshot())).toEqual([]);
  });

  it("reports a removed event", () => {
    const after = new Map(current);
    after.delete(path);
    expect(compareSnapshots(current, after)).toEqual([
      { subject: "studio/brief.submitted@1", path: "data", rule: "contract-removed", detail: `${path} is gone from the contract` },
    ]);
  });

  it("allows removing an event the previous snapshot marked deprecated", () => {
    const before = new Map(current).set(path, { ...schema, deprecated: true });
    const after = new Map(current);
    after.delete(path);
    expect(compareSnapshots(before, after)).toEqual([]);
  });

  it("allows adding an event (e.g. a v2 served next to v1)", () => {
    const after = new Map(current).set("events/studio/brief.submitted/v2.json", { ...schema, title: "studio/brief.submitted@2" });
    expect(compareSnapshots(current, after)).toEqual([]);
  });

  it("reports invoke-return changes rooted at `return`", () => {
    const returnPath = "functions/studio-ai/analyse-brief/return.json";
    const before = current.get(returnPath) as JsonSchema & { properties: Record<string, unknown> };
    const { usage: _gone, ...properties } = before.properties;
    const after = new Map(current).set(returnPath, { ...before, properties });
    expect(compareSnapshots(current, after).map((c) => [c.subject, c.path, c.rule])).toEqual([
      ["studio-ai/analyse-brief return", "return.usage", "field-removed"],
    ]);
  });

  it("reports a removed realtime topic field rooted at `data`, under the topic's name", () => {
    const topicPath = "channels/studio-progress/progress.json";
    const before = current.get(topicPath) as JsonSchema & { properties: Record<string, unknown> };
    const { step: _gone, ...properties } = before.properties;
    const after = new Map(current).set(topicPath, { ...before, properties, required: ["workflow", "label", "state", "at"] });
    expect(compareSnapshots(current, after).map((c) => [c.subject, c.path, c.rule])).toEqual([
      ["studio-progress:{subject} topic progress", "data.step", "field-removed"],
    ]);
  });

  it("reports a removed realtime topic as a removed contract", () => {
    const after = new Map(current);
    after.delete("channels/studio-progress/result.json");
    expect(compareSnapshots(current, after).map((c) => [c.subject, c.rule])).toEqual([
      ["studio-progress:{subject} topic result", "contract-removed"],
    ]);
  });
});

describe("formatBreakingChange", () => {
  it("names the event, the field, the rule and the fix", () => {
    const text = formatBreakingChange({
      subject: "studio/brief.submitted@1",
      path: "data.budget.currency",
      rule: "field-removed",
      detail: '"currency" (required) is gone',
    });
    expect(text).toContain("studio/brief.submitted@1 — data.budget.currency");
    expect(text).toContain("rule:   field-removed: a field was removed");
    expect(text).toMatch(/fix: .*publish a new version and serve both during the overlap .*studio\/brief\.submitted@2/);
  });

  it("suggests a new topic for a realtime topic (topics have no version)", () => {
    const text = formatBreakingChange({
      subject: "studio-progress:{subject} topic progress",
      path: "data.step",
      rule: "field-removed",
      detail: '"step" (required) is gone',
    });
    expect(text).toContain("✗ studio-progress:{subject} topic progress — data.step");
    expect(text).toMatch(/fix: .*add a new topic, e\.g\. `progressV2`, next to `progress`/);
  });
});
