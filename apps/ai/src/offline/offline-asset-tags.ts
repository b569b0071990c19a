import type { EventData, assetProcessed } from "@studio/events";
import { fileNameOf, renditionForTagging } from "../prompts/tag-asset-prompt.ts";

/** First tag of every offline answer, so a placeholder never passes for a model's tags. */
export const OFFLINE_TAG = "offline-placeholder";

/**
 * The offline stand-in for tag-asset: tags from the words of the file path and the rendition
 * sizes, and an alt text that says no model looked at the image.
 */
export function offlineAssetTags(asset: EventData<typeof assetProcessed>): { tags: string[]; altText: string } {
  const rendition = renditionForTagging(asset);
  const path = (() => {
    try {
      return new URL(rendition.url).pathname;
    } catch {
      return rendition.url;
    }
  })();
  const words = path
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !/^\d+$/.test(w) && w !== asset.assetId.toLowerCase());
  const tags = [...new Set([OFFLINE_TAG, ...words, ...asset.renditions.map((r) => r.size)])].slice(0, 20).map((t) => t.slice(0, 50));
  const altText = `Offline placeholder, not an AI description: ${fileNameOf(rendition.url)} (asset ${asset.assetId}).`.slice(0, 300);
  return { tags, altText };
}
