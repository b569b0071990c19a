import { type Revealer } from "../crypto/create-revealer.ts";
import { type InngestApi } from "../inngest-api/create-inngest-api.ts";
import { trackedKinds, type TrackedKind } from "./tracked-kinds.ts";

export type ItemSummary = {
  id: string;
  /** When the starting event reached Inngest. */
  receivedAt: string;
  /** The starting event's data, decrypted where the app can. */
  data: Record<string, unknown>;
  status: string;
};

/**
 * The most recent items of a kind (briefs, assets, …), newest first, read from Inngest's event
 * history: the web app keeps no database of its own. Repeats of the same item count once.
 */
export async function loadItemList(api: InngestApi, reveal: Revealer, kind: TrackedKind): Promise<ItemSummary[]> {
  const { idField, start, milestones, initialStatus } = trackedKinds[kind];
  const [starts, ...milestoneEvents] = await Promise.all([
    api.listEvents({ name: start }),
    ...milestones.map(([name]) => api.listEvents({ name })),
  ]);
  const reached = milestoneEvents.map((events) => new Set(events.map((e) => e.data[idField])));
  const seen = new Set<unknown>();
  const items: ItemSummary[] = [];
  for (const event of starts) {
    const id = event.data[idField];
    if (typeof id !== "string" || seen.has(id)) continue;
    seen.add(id);
    const index = reached.findIndex((ids) => ids.has(id));
    const { value } = await reveal(event.data);
    items.push({
      id,
      receivedAt: event.received_at,
      data: value as Record<string, unknown>,
      status: index >= 0 ? milestones[index]![1] : initialStatus,
    });
  }
  return items;
}
