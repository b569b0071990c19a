import { type JsonSchema } from "../json-schema/types.ts";
import { normalizeSchema, sameSchema } from "./normalize-schema.ts";
import { type RuleId } from "./rules.ts";
import { type BreakingChange } from "./types.ts";

const LOWER_BOUNDS = ["minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum"] as const;
const UPPER_BOUNDS = ["maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum"] as const;
const EXACT_CONSTRAINTS = ["pattern", "format", "multipleOf"] as const;
/** Keywords this module compares precisely; any other difference is reported as `schema-changed`. */
const UNDERSTOOD = new Set<string>([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "enum",
  "const",
  ...LOWER_BOUNDS,
  ...UPPER_BOUNDS,
  ...EXACT_CONSTRAINTS,
]);

const asSchema = (value: unknown): JsonSchema => (typeof value === "object" && value !== null ? (value as JsonSchema) : {});
const show = (value: unknown) => JSON.stringify(value);

/**
 * Lists every change from `before` to `after` that is not FULL-compatible. Objects are open (extra
 * keys allowed), so adding an optional field is the one structural change that passes.
 */
export function compareSchemas(before: JsonSchema, after: JsonSchema, subject: string, root = "data"): BreakingChange[] {
  const found: BreakingChange[] = [];
  const report = (path: string, rule: RuleId, detail: string) => found.push({ subject, path, rule, detail });
  compareNode(normalizeSchema(before) as JsonSchema, normalizeSchema(after) as JsonSchema, root, report);
  return found;
}

type Report = (path: string, rule: RuleId, detail: string) => void;

function compareNode(before: JsonSchema, after: JsonSchema, path: string, report: Report): void {
  if (sameSchema(before, after)) return;
  if (!compareTypes(before.type, after.type, path, report)) return;
  compareEnums(before, after, path, report);
  compareBounds(before, after, path, report);
  compareOpenness(before.additionalProperties, after.additionalProperties, path, report);
  compareProperties(before, after, path, report);
  if ("items" in before || "items" in after) {
    if ("items" in before && "items" in after) compareNode(asSchema(before.items), asSchema(after.items), `${path}[]`, report);
    else report(path, "schema-changed", `"items" ${"items" in before ? "removed" : "added"}`);
  }
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (UNDERSTOOD.has(key) || show(before[key]) === show(after[key])) continue;
    report(path, "schema-changed", `"${key}" changed from ${show(before[key])} to ${show(after[key])}`);
  }
}

/** What JSON types a `type` keyword accepts; "integer" is a subset of "number". */
function acceptedTypes(type: unknown): Set<string> | undefined {
  if (type === undefined) return undefined;
  return new Set(Array.isArray(type) ? (type as string[]) : [type as string]);
}

function covers(wide: Set<string>, narrow: Set<string>): boolean {
  return [...narrow].every((t) => wide.has(t) || (t === "integer" && wide.has("number")));
}

/** Returns false when the types differ so much that comparing deeper would only add noise. */
function compareTypes(before: unknown, after: unknown, path: string, report: Report): boolean {
  const a = acceptedTypes(before);
  const b = acceptedTypes(after);
  if (show(before) === show(after)) return true;
  const detail = `type ${show(before ?? "any")} became ${show(after ?? "any")}`;
  if (!a) report(path, "type-narrowed", detail);
  else if (!b) report(path, "type-widened", detail);
  else if (covers(a, b)) report(path, "type-narrowed", detail);
  else if (covers(b, a)) report(path, "type-widened", detail);
  else report(path, "type-changed", detail);
  return false;
}

function compareEnums(before: JsonSchema, after: JsonSchema, path: string, report: Report): void {
  const values = (schema: JsonSchema): string[] | undefined =>
    Array.isArray(schema.enum) ? schema.enum.map(show) : "const" in schema ? [show(schema.const)] : undefined;
  const a = values(before);
  const b = values(after);
  if (show(a) === show(b)) return;
  if (!a) return report(path, "enum-narrowed", `restricted to ${b?.join(", ")}`);
  if (!b) return report(path, "enum-widened", `no longer restricted to ${a.join(", ")}`);
  const removed = a.filter((v) => !b.includes(v));
  const added = b.filter((v) => !a.includes(v));
  if (removed.length) report(path, "enum-narrowed", `values removed: ${removed.join(", ")}`);
  if (added.length) report(path, "enum-widened", `values added: ${added.join(", ")}`);
}

function compareBounds(before: JsonSchema, after: JsonSchema, path: string, report: Report): void {
  const check = (keyword: string, tighter: (a: number, b: number) => boolean) => {
    const a = before[keyword] as number | undefined;
    const b = after[keyword] as number | undefined;
    if (a === b) return;
    const detail = `${keyword} ${a === undefined ? "added" : b === undefined ? "removed" : "changed"}: ${a ?? "none"} → ${b ?? "none"}`;
    const narrowed = a === undefined || (b !== undefined && tighter(a, b));
    report(path, narrowed ? "constraint-narrowed" : "constraint-widened", detail);
  };
  for (const keyword of LOWER_BOUNDS) check(keyword, (a, b) => b > a);
  for (const keyword of UPPER_BOUNDS) check(keyword, (a, b) => b < a);
  for (const keyword of EXACT_CONSTRAINTS) {
    const a = before[keyword];
    const b = after[keyword];
    if (show(a) === show(b)) continue;
    if (a === undefined) report(path, "constraint-narrowed", `${keyword} added: ${show(b)}`);
    else if (b === undefined) report(path, "constraint-widened", `${keyword} removed (was ${show(a)})`);
    else report(path, "constraint-changed", `${keyword} changed: ${show(a)} → ${show(b)}`);
  }
}

/** `additionalProperties`: absent, `true` and `{}` all mean "extra keys allowed". */
function compareOpenness(before: unknown, after: unknown, path: string, report: Report): void {
  const open = (value: unknown) => value === undefined || value === true || show(value) === "{}";
  if (open(before) && open(after)) return;
  if (open(before)) return report(path, "constraint-narrowed", "object closed to extra fields (additionalProperties)");
  if (open(after)) return report(path, "constraint-widened", "object opened to extra fields (additionalProperties)");
  if (before === false || after === false) return report(path, "constraint-changed", "additionalProperties changed");
  compareNode(asSchema(before), asSchema(after), `${path}.*`, report);
}

function compareProperties(before: JsonSchema, after: JsonSchema, path: string, report: Report): void {
  const a = asSchema(before.properties);
  const b = asSchema(after.properties);
  const requiredBefore = new Set((before.required as string[] | undefined) ?? []);
  const requiredAfter = new Set((after.required as string[] | undefined) ?? []);
  const removed = Object.keys(a).filter((key) => !(key in b));
  const added = Object.keys(b).filter((key) => !(key in a));

  for (const key of removed) {
    // Same schema under a new key: almost certainly a rename, which says more than "removed".
    const twin = added.find((candidate) => sameSchema(a[key], b[candidate]));
    if (twin !== undefined) {
      added.splice(added.indexOf(twin), 1);
      report(`${path}.${key}`, "field-renamed", `"${key}" looks renamed to "${twin}"`);
    } else {
      report(`${path}.${key}`, "field-removed", `"${key}" (${requiredBefore.has(key) ? "required" : "optional"}) is gone`);
    }
  }
  for (const key of added) {
    if (requiredAfter.has(key)) report(`${path}.${key}`, "required-field-added", `"${key}" is new and required`);
  }
  for (const key of Object.keys(a).filter((k) => k in b)) {
    if (!requiredBefore.has(key) && requiredAfter.has(key)) report(`${path}.${key}`, "optional-made-required", `"${key}" is now required`);
    if (requiredBefore.has(key) && !requiredAfter.has(key)) report(`${path}.${key}`, "required-made-optional", `"${key}" is now optional`);
    compareNode(asSchema(a[key]), asSchema(b[key]), `${path}.${key}`, report);
  }
}
