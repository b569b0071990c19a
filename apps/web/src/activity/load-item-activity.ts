import { type Revealer } from "../crypto/create-revealer.ts";
import { type Database } from "../db/open-database.ts";
import { type InngestApi } from "../inngest-api/create-inngest-api.ts";
import { itemEventRefs } from "../read-model/item-event-refs.ts";
import { findStoredEvents } from "./find-stored-events.ts";
import { functionDirectory } from "./function-directory.ts";
import { loadEventActivity } from "./load-event-activity.ts";
import { type TrackedKind } from "./tracked-kinds.ts";
import { type ActivityEvent } from "./types.ts";

/**
 * The runs of one item (a brief, an asset, an invoice, a reminder): which events concern it comes
 * from the console's database (every one, however old); Inngest, the source of truth for runs,
 * gives each event's runs and their results, plus those of the `automation.failed` reports about
 * them.
 */
export async function loadItemActivity(db: Database, api: InngestApi, reveal: Revealer, kind: TrackedKind, id: string): Promise<ActivityEvent[]> {
  const refs = await itemEventRefs(db, kind, id);
  const [functions, events] = await Promise.all([functionDirectory(api), findStoredEvents(api, refs)]);
  return loadEventActivity(api, events, functions, reveal);
}
