import { isTrackedKind, type TrackedKind } from "../activity/tracked-kinds.ts";

/** The live-progress subject of an item, as the workflows publish it: `brief:<briefId>`. */
export function progressSubject(kind: TrackedKind, id: string): string {
  return `${kind}:${id}`;
}

/** Checks a subject coming from the browser before a token is minted for it. */
export function parseProgressSubject(subject: unknown): { kind: TrackedKind; id: string } | undefined {
  if (typeof subject !== "string" || subject.length > 200) return undefined;
  const at = subject.indexOf(":");
  const kind = subject.slice(0, at);
  const id = subject.slice(at + 1);
  if (at < 1 || !isTrackedKind(kind) || id.length === 0 || id.length > 128 || /\s/.test(id)) return undefined;
  return { kind, id };
}
