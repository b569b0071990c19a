import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { type JsonSchema } from "../json-schema/types.ts";

/** Loads every `*.json` under `dir` (the committed `schemas/`), keyed by its path relative to `dir`. */
export function readSnapshotDir(dir: string): Map<string, JsonSchema> {
  const snapshot = new Map<string, JsonSchema>();
  if (!existsSync(dir)) return snapshot;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".json")) continue;
    const file = join(entry.parentPath, entry.name);
    snapshot.set(relative(dir, file).split(sep).join("/"), JSON.parse(readFileSync(file, "utf8")) as JsonSchema);
  }
  return snapshot;
}
