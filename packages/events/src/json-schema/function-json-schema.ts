import { type z } from "zod";
import { toJsonSchema } from "./to-json-schema.ts";
import { JSON_SCHEMA_DIALECT } from "./event-json-schema.ts";
import { type JsonSchema } from "./types.ts";

/** The parts of an invoke contract the generators need. */
export interface FunctionContractLike {
  readonly key: string;
  readonly appId: string;
  readonly functionId: string;
  readonly owner: string;
  readonly callers: readonly string[];
  readonly description: string;
  readonly schemas: { readonly data: z.ZodType; readonly return: z.ZodType };
}

export type FunctionSide = "data" | "return";

/** The committed JSON Schema of an invoke target's input `data` or its return value. */
export function functionJsonSchema(fn: FunctionContractLike, side: FunctionSide): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `urn:studio-events:function:${fn.key}:${side}`,
    title: `${fn.key} ${side}`,
    description: side === "data" ? `Invoke input of ${fn.key}: ${fn.description}` : `Return value of ${fn.key}.`,
    "x-function": { appId: fn.appId, functionId: fn.functionId, owner: fn.owner, callers: [...fn.callers], side },
    ...toJsonSchema(fn.schemas[side]),
  };
}

/** `functions/studio-ai/analyse-brief/data.json`. */
export function functionSchemaPath(fn: FunctionContractLike, side: FunctionSide): string {
  return `functions/${fn.appId}/${fn.functionId}/${side}.json`;
}
