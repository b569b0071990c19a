import { trackedKinds, type TrackedKind } from "../activity/tracked-kinds.ts";

/** The tracked item an event is about (`brief` + its briefId, …), if any. */
export function itemOf(name: string, data: unknown): { kind: TrackedKind; id: string } | undefined {
  for (const [kind, spec] of Object.entries(trackedKinds) as [TrackedKind, (typeof trackedKinds)[TrackedKind]][]) {
    if (!(spec.events as readonly string[]).includes(name)) continue;
    const id = (data as Record<string, unknown> | null)?.[spec.idField];
    if (typeof id === "string") return { kind, id };
  }
  return undefined;
}
