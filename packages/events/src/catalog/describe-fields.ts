import { type JsonSchema } from "../json-schema/types.ts";

export interface FieldRow {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly rules: string;
  readonly description: string;
  readonly personal: boolean;
}

const asSchema = (value: unknown) => (value ?? {}) as JsonSchema;

function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" \\| ");
  if ("const" in schema) return JSON.stringify(schema.const);
  if (schema.type === "array") return `${typeOf(asSchema(schema.items))}[]`;
  if (typeof schema.format === "string") return `string (${schema.format})`;
  return typeof schema.type === "string" ? schema.type : "any";
}

function rulesOf(schema: JsonSchema): string {
  const out: string[] = [];
  const range = (min: string, max: string, unit: string) => {
    const lo = schema[min] as number | undefined;
    const hi = schema[max] as number | undefined;
    if (lo !== undefined && hi !== undefined) out.push(`${lo}..${hi} ${unit}`);
    else if (lo !== undefined) out.push(`≥ ${lo} ${unit}`);
    else if (hi !== undefined) out.push(`≤ ${hi} ${unit}`);
  };
  range("minLength", "maxLength", "chars");
  range("minItems", "maxItems", "items");
  if (typeof schema.minimum === "number") out.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === "number") out.push(`> ${schema.exclusiveMinimum}`);
  // The safe-integer ceiling zod adds to every int is noise in a human table.
  if (typeof schema.maximum === "number" && schema.maximum !== Number.MAX_SAFE_INTEGER) out.push(`≤ ${schema.maximum}`);
  if (typeof schema.pattern === "string" && typeof schema.format !== "string" && schema.pattern.length <= 40) {
    out.push(`matches \`${schema.pattern}\``);
  }
  return out.join(", ");
}

/** Flattens an object schema into one row per field (`budget.amount`, `renditions[].url`). */
export function describeFields(schema: JsonSchema, prefix = "", personal = false): FieldRow[] {
  const properties = asSchema(schema.properties);
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows: FieldRow[] = [];
  for (const [key, value] of Object.entries(properties)) {
    const field = asSchema(value);
    const path = `${prefix}${key}`;
    const isPersonal = personal || field["x-encrypted"] === true;
    rows.push({
      path,
      type: field.type === "object" ? "object" : Array.isArray(field.oneOf) ? "one of the objects below" : typeOf(field),
      required: required.has(key),
      rules: rulesOf(field),
      description: typeof field.description === "string" ? field.description : "",
      personal: isPersonal,
    });
    if (field.type === "object") rows.push(...describeFields(field, `${path}.`, isPersonal));
    if (Array.isArray(field.oneOf)) rows.push(...describeVariants(field.oneOf as JsonSchema[], path, isPersonal));
    const items = asSchema(field.items);
    if (field.type === "array" && items.type === "object") rows.push(...describeFields(items, `${path}[].`, isPersonal));
  }
  return rows;
}

/**
 * The branches of a discriminated union (`oneOf` of objects told apart by a `const` field), each
 * field row saying which branch it belongs to: `when channel = "webhook"`.
 */
function describeVariants(variants: JsonSchema[], path: string, personal: boolean): FieldRow[] {
  return variants.flatMap((variant) => {
    const properties = Object.entries(asSchema(variant.properties));
    const [tag, tagSchema] = properties.find(([, value]) => "const" in asSchema(value)) ?? [];
    const when = tag ? `when ${tag} = ${JSON.stringify(asSchema(tagSchema).const)}` : "one variant";
    return describeFields(variant, `${path}.`, personal).map((row) => ({
      ...row,
      description: row.description ? `(${when}) ${row.description}` : `(${when})`,
    }));
  });
}
