import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toJsonSchema } from "../json-schema/to-json-schema.ts";
import { compareSchemas } from "./compare-schemas.ts";

const rendition = z.object({ size: z.enum(["thumb", "web", "print"]), width: z.int().positive() });
const baseShape = {
  assetId: z.string().min(1).max(128),
  bytes: z.number().positive(),
  title: z.string().min(1).max(120),
  note: z.string().optional(),
  renditions: z.array(rendition).min(1),
};
const before = toJsonSchema(z.object(baseShape));

/** Rules reported when the payload changes from `baseShape` to `shape`. */
function rulesFor(shape: z.ZodRawShape) {
  return compareSchemas(before, toJsonSchema(z.object(shape)), "test/thing.happened@1").map(({ path, rule }) => ({ path, rule }));
}

describe("compareSchemas: breaking changes", () => {
  it("catches a removed field", () => {
    const { title: _removed, ...shape } = baseShape;
    expect(rulesFor(shape)).toEqual([{ path: "data.title", rule: "field-removed" }]);
  });

  it("catches a removed optional field (old consumers may read it)", () => {
    const { note: _removed, ...shape } = baseShape;
    expect(rulesFor(shape)).toEqual([{ path: "data.note", rule: "field-removed" }]);
  });

  it("catches an optional field made required", () => {
    expect(rulesFor({ ...baseShape, note: z.string() })).toEqual([{ path: "data.note", rule: "optional-made-required" }]);
  });

  it("catches a required field made optional", () => {
    expect(rulesFor({ ...baseShape, title: baseShape.title.optional() })).toEqual([
      { path: "data.title", rule: "required-made-optional" },
    ]);
  });

  it("catches a narrowed type (number → integer)", () => {
    expect(rulesFor({ ...baseShape, bytes: z.int().positive() })).toEqual([{ path: "data.bytes", rule: "type-narrowed" }]);
  });

  it("catches a widened type (integer → number) in an array item", () => {
    const widened = z.object({ size: rendition.shape.size, width: z.number().positive() });
    expect(rulesFor({ ...baseShape, renditions: z.array(widened).min(1) })).toEqual([
      { path: "data.renditions[].width", rule: "type-widened" },
    ]);
  });

  it("catches a changed type (number → string)", () => {
    expect(rulesFor({ ...baseShape, bytes: z.string() })).toEqual([{ path: "data.bytes", rule: "type-changed" }]);
  });

  it("catches a narrowed enum", () => {
    const narrowed = z.object({ size: z.enum(["thumb", "web"]), width: rendition.shape.width });
    expect(rulesFor({ ...baseShape, renditions: z.array(narrowed).min(1) })).toEqual([
      { path: "data.renditions[].size", rule: "enum-narrowed" },
    ]);
  });

  it("catches a widened enum (old consumers reject the new value)", () => {
    const widened = z.object({ size: z.enum(["thumb", "web", "print", "poster"]), width: rendition.shape.width });
    expect(rulesFor({ ...baseShape, renditions: z.array(widened).min(1) })).toEqual([
      { path: "data.renditions[].size", rule: "enum-widened" },
    ]);
  });

  it("catches a rename", () => {
    const { title, ...rest } = baseShape;
    expect(rulesFor({ ...rest, name: title })).toEqual([{ path: "data.title", rule: "field-renamed" }]);
  });

  it("catches a new required field", () => {
    expect(rulesFor({ ...baseShape, projectId: z.string() })).toEqual([{ path: "data.projectId", rule: "required-field-added" }]);
  });

  it("catches tightened and loosened constraints", () => {
    expect(rulesFor({ ...baseShape, title: z.string().min(1).max(80) })).toEqual([
      { path: "data.title", rule: "constraint-narrowed" },
    ]);
    expect(rulesFor({ ...baseShape, title: z.string().min(1).max(500) })).toEqual([
      { path: "data.title", rule: "constraint-widened" },
    ]);
    expect(rulesFor({ ...baseShape, assetId: baseShape.assetId.regex(/^asset_/) })).toEqual([
      { path: "data.assetId", rule: "constraint-narrowed" },
    ]);
  });

  it("catches an object closed to extra keys", () => {
    expect(rulesFor({ ...baseShape, renditions: z.array(z.strictObject(rendition.shape)).min(1) })).toEqual([
      { path: "data.renditions[]", rule: "constraint-narrowed" },
    ]);
  });
});

describe("compareSchemas: compatible changes", () => {
  it("allows adding an optional field", () => {
    expect(rulesFor({ ...baseShape, projectId: z.string().optional() })).toEqual([]);
  });

  it("allows adding an optional field inside a nested object", () => {
    const richer = z.object({ ...rendition.shape, format: z.string().optional() });
    expect(rulesFor({ ...baseShape, renditions: z.array(richer).min(1) })).toEqual([]);
  });

  it("ignores annotations (descriptions, titles)", () => {
    expect(rulesFor({ ...baseShape, title: baseShape.title.describe("The asset's display title.") })).toEqual([]);
  });

  it("treats a field named like a keyword as a field", () => {
    const withDescription = toJsonSchema(z.object({ description: z.string() }));
    const without = toJsonSchema(z.object({}));
    expect(compareSchemas(withDescription, without, "x@1").map((c) => c.rule)).toEqual(["field-removed"]);
  });
});
