import { automationFailed } from "@studio/events";
import { type Revealer } from "../crypto/create-revealer.ts";
import { type InngestApi } from "../inngest-api/create-inngest-api.ts";
import { type StoredEvent } from "../inngest-api/types.ts";
import { functionDirectory } from "./function-directory.ts";
import { loadEventActivity } from "./load-event-activity.ts";
import { trackedKinds, type TrackedKind } from "./tracked-kinds.ts";
import { type ActivityEvent } from "./types.ts";

/**
 * Everything Inngest knows about one item (a brief, an asset, an invoice, a reminder): the recent
 * contract events about it, the runs they started and those runs' results, plus any
 * `automation.failed` reported for those events.
 */
export async function loadItemActivity(api: InngestApi, reveal: Revealer, kind: TrackedKind, id: string): Promise<ActivityEvent[]> {
  const { idField, events: names } = trackedKinds[kind];
  const [functions, lists, failures] = await Promise.all([
    functionDirectory(api),
    Promise.all(names.map((name) => api.listEvents({ name }))),
    api.listEvents({ name: automationFailed.name }),
  ]);
  const mine = lists.flat().filter((event) => event.data[idField] === id);
  // A failure names its trigger by the id the function saw: the producer's id, or Inngest's own.
  const ids = new Set(mine.flatMap((e) => [e.id, e.internal_id]).filter(Boolean));
  const failed = failures.filter((event) => ids.has(triggerId(event)));
  return loadEventActivity(api, [...mine, ...failed], functions, reveal);
}

function triggerId(event: StoredEvent): string | undefined {
  const trigger = event.data.trigger as { id?: unknown } | undefined;
  return typeof trigger?.id === "string" ? trigger.id : undefined;
}
