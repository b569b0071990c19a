import { trackedKinds } from "./tracked-kinds.ts";

/** The console page of the item an event is about (a brief, an asset, …), if any. */
export function itemLink(name: string, data: unknown): { href: string; label: string } | undefined {
  for (const spec of Object.values(trackedKinds)) {
    if (!(spec.events as readonly string[]).includes(name)) continue;
    const id = (data as Record<string, unknown> | null)?.[spec.idField];
    if (typeof id === "string") return { href: `${spec.path}/${encodeURIComponent(id)}`, label: `${spec.label} ${id}` };
  }
  return undefined;
}
