import { z } from "zod";
import { type JsonSchema } from "./types.ts";

/**
 * zod → JSON Schema as the contract publishes it. `io: "input"` describes what a producer may send;
 * objects stay open (no `additionalProperties: false`), matching zod objects, which accept and
 * ignore unknown keys — that openness is what lets an optional field be added compatibly.
 */
export function toJsonSchema(schema: z.ZodType, target: "draft-2020-12" | "draft-7" = "draft-2020-12"): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input", target, unrepresentable: "throw" }) as JsonSchema;
  delete json.$schema;
  return json;
}
