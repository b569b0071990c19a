import { allEvents } from "@studio/events";
import { type Revealer } from "../crypto/create-revealer.ts";
import { type InngestApi } from "../inngest-api/create-inngest-api.ts";
import { functionDirectory } from "./function-directory.ts";
import { loadEventActivity } from "./load-event-activity.ts";
import { type ActivityEvent } from "./types.ts";

const contractNames = new Set(allEvents.map((e) => e.name));

/** The most recent contract events across the studio with their runs, newest first (outputs left out). */
export async function loadRecentActivity(api: InngestApi, reveal: Revealer, limit = 40): Promise<ActivityEvent[]> {
  const [functions, events] = await Promise.all([functionDirectory(api), api.listEvents({ limit: 50 })]);
  const recent = events.filter((e) => contractNames.has(e.name)).slice(0, limit);
  return (await loadEventActivity(api, recent, functions, reveal, { outputs: false })).reverse();
}
