import { assetTagged, assetTaggedV2, type ModelInfo } from "@studio/events";
import { findEventData } from "./find-event-data.ts";
import { type ActivityEvent } from "./types.ts";

/** An asset's tagging as the console shows it, whichever contract version carried it. */
export type TagsView = { tags: string[]; altText: string; model: ModelInfo };

/**
 * The tagging of an asset in its activity: v2 (tags and alt text under `encrypted`, revealed by
 * the time it gets here) or a deprecated v1 still in Inngest's history. Anything that breaks both
 * contracts is ignored.
 */
export function findTags(activity: readonly ActivityEvent[]): TagsView | undefined {
  const v2 = findEventData(activity, assetTaggedV2);
  if (v2) return { tags: v2.encrypted.tags, altText: v2.encrypted.altText, model: v2.model };
  const v1 = findEventData(activity, assetTagged);
  return v1 && { tags: v1.tags, altText: v1.altText, model: v1.model };
}
