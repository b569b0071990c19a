import { trackedKinds, type TrackedKind } from "./tracked-kinds.ts";

const pages: Record<TrackedKind, string> = { brief: "/briefs", asset: "/assets", invoice: "/invoices", reminder: "/reminders" };

/** The console page of the item an event is about (a brief, an asset, …), if any. */
export function itemLink(name: string, data: unknown): { href: string; label: string } | undefined {
  for (const [kind, spec] of Object.entries(trackedKinds) as Array<[TrackedKind, (typeof trackedKinds)[TrackedKind]]>) {
    if (!(spec.events as readonly string[]).includes(name)) continue;
    const id = (data as Record<string, unknown> | null)?.[spec.idField];
    if (typeof id === "string") return { href: `${pages[kind]}/${encodeURIComponent(id)}`, label: `${spec.label} ${id}` };
  }
  return undefined;
}
