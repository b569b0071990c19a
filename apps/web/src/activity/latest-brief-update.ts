import { briefUpdated, type EventData } from "@studio/events";
import { type ActivityEvent } from "./types.ts";

/**
 * The highest-revision `studio/brief.updated` in a brief's activity that the contract accepts
 * (the order events arrive in says nothing about which edit is newest; the revision does).
 */
export function latestBriefUpdate(activity: readonly ActivityEvent[]): EventData<typeof briefUpdated> | undefined {
  let latest: EventData<typeof briefUpdated> | undefined;
  for (const candidate of activity) {
    if (candidate.name !== briefUpdated.name) continue;
    const parsed = briefUpdated.schema.safeParse(candidate.data);
    if (parsed.success && (!latest || parsed.data.revision > latest.revision)) latest = parsed.data;
  }
  return latest;
}
