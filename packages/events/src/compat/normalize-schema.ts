import { type JsonSchema } from "../json-schema/types.ts";

/** Keywords that describe a schema without changing what it accepts. */
const ANNOTATIONS = new Set(["$schema", "$id", "$comment", "title", "description", "examples", "deprecated", "default", "readOnly", "writeOnly"]);
/** Keywords whose values are schemas, or maps / lists of schemas. */
const SCHEMA_VALUED = new Set(["items", "additionalProperties", "not", "contains", "propertyNames"]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions"]);
const SCHEMA_LISTS = new Set(["anyOf", "oneOf", "allOf", "prefixItems"]);

const isSchema = (value: unknown): value is JsonSchema => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Removes annotations and `x-*` metadata at every schema level (never field names inside
 * `properties`), so two schemas that accept the same documents compare equal.
 */
export function normalizeSchema(schema: unknown): unknown {
  if (!isSchema(schema)) return schema;
  const out: JsonSchema = {};
  for (const key of Object.keys(schema).sort()) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    const value = schema[key];
    if (SCHEMA_VALUED.has(key)) out[key] = normalizeSchema(value);
    else if (SCHEMA_MAPS.has(key) && isSchema(value)) {
      out[key] = Object.fromEntries(Object.keys(value).sort().map((name) => [name, normalizeSchema(value[name])]));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map(normalizeSchema);
    else out[key] = value;
  }
  return out;
}

/** Structural equality of two normalized schemas. */
export function sameSchema(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalizeSchema(a)) === JSON.stringify(normalizeSchema(b));
}
