import { randomBytes } from "node:crypto";
import { type TrackedKind } from "../activity/tracked-kinds.ts";

/**
 * A fresh id for a new item (`brief_mh3x9k2a7f3c1d`): time-ordered, short enough to read out, and
 * random enough not to collide. Minted when a form renders and carried in a hidden input, so a
 * double-click submits the same id and the contract's dedupe id makes it one event. A decision
 * (approve, withdraw, mark paid) gets its own `decision_…` id the same way, so a deliberate second
 * decision on the same item is a new event, not a duplicate of the first.
 */
export function newItemId(prefix: TrackedKind | "decision", now: number = Date.now()): string {
  return `${prefix}_${now.toString(36)}${randomBytes(3).toString("hex")}`;
}
