import { type InngestApi } from "../inngest-api/create-inngest-api.ts";
import { type StoredEvent } from "../inngest-api/types.ts";
import { type EventRef } from "../read-model/item-event-refs.ts";

const PAGE = 50;

/**
 * Inngest's records of the events the console knows by their producer ids: per event name, the
 * received-time intervals of the refs (overlapping ones merged) are paged through, newest first,
 * until each wanted id is found. Every record with a wanted id is returned, so a repeat of an id
 * shows too. `maxPages` bounds one interval's reads (a burst of thousands of events of one name).
 */
export async function findStoredEvents(api: InngestApi, refs: readonly EventRef[], opts: { maxPages?: number } = {}): Promise<StoredEvent[]> {
  const found = await Promise.all(mergedWindows(refs).map((window) => readWindow(api, window, opts.maxPages ?? 20)));
  return found.flat();
}

type Window = { name: string; after: number; before: number; ids: Set<string> };

function mergedWindows(refs: readonly EventRef[]): Window[] {
  const windows: Window[] = [];
  const sorted = [...refs].sort((a, b) => a.name.localeCompare(b.name) || a.receivedAfter.getTime() - b.receivedAfter.getTime());
  for (const ref of sorted) {
    const last = windows.at(-1);
    if (last && last.name === ref.name && ref.receivedAfter.getTime() <= last.before) {
      last.before = Math.max(last.before, ref.receivedBefore.getTime());
      last.ids.add(ref.eventId);
    } else {
      windows.push({ name: ref.name, after: ref.receivedAfter.getTime(), before: ref.receivedBefore.getTime(), ids: new Set([ref.eventId]) });
    }
  }
  return windows;
}

async function readWindow(api: InngestApi, window: Window, maxPages: number): Promise<StoredEvent[]> {
  const matches: StoredEvent[] = [];
  const missing = new Set(window.ids);
  let cursor: string | undefined;
  for (let page = 0; page < maxPages && missing.size > 0; page++) {
    const events = await api.listEvents({
      name: window.name,
      limit: PAGE,
      receivedAfter: new Date(window.after),
      receivedBefore: new Date(window.before),
      ...(cursor ? { cursor } : {}),
    });
    for (const event of events) {
      if (!event.id || !window.ids.has(event.id)) continue;
      matches.push(event);
      missing.delete(event.id);
    }
    if (events.length < PAGE) break;
    cursor = events.at(-1)!.internal_id;
  }
  return matches;
}
