import { type JsonSchema } from "../json-schema/types.ts";
import { compareSchemas } from "./compare-schemas.ts";
import { type BreakingChange } from "./types.ts";

/** A set of committed schemas keyed by their path under `schemas/`. */
export type Snapshot = ReadonlyMap<string, JsonSchema>;

/** A readable name for a committed schema: the event key, or the invoke contract and side. */
export function subjectOf(path: string, schema: JsonSchema): string {
  return typeof schema.title === "string" ? schema.title : path;
}

/** Root of field paths: events and invoke inputs are `data`, invoke results are `return`. */
function rootOf(schema: JsonSchema): string {
  const fn = schema["x-function"] as { side?: string } | undefined;
  return fn?.side === "return" ? "return" : "data";
}

function isDeprecated(schema: JsonSchema): boolean {
  return schema.deprecated === true;
}

/**
 * Every breaking change from the `before` snapshot to the `after` one. Adding events is free;
 * removing one is allowed only if `before` already marked it deprecated (the overlap is over).
 */
export function compareSnapshots(before: Snapshot, after: Snapshot): BreakingChange[] {
  const found: BreakingChange[] = [];
  for (const [path, old] of before) {
    const current = after.get(path);
    const subject = subjectOf(path, old);
    if (!current) {
      if (!isDeprecated(old)) {
        found.push({ subject, path: rootOf(old), rule: "contract-removed", detail: `${path} is gone from the contract` });
      }
      continue;
    }
    found.push(...compareSchemas(old, current, subject, rootOf(old)));
  }
  return found;
}
