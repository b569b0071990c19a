import { createHash } from "node:crypto";

/**
 * The project an approved brief becomes: one per brief, so the id is derived from the brief id and
 * a re-run creates the same project. Ids over the contract's 128 characters are hashed instead.
 */
export function projectIdFor(briefId: string): string {
  const id = `project_${briefId}`;
  return id.length <= 128 ? id : `project_${createHash("sha256").update(briefId).digest("hex")}`;
}
