import type { EventData, assetProcessed } from "@studio/events";
import type { ChatRequest } from "../providers/chat-request.ts";

type ProcessedAsset = EventData<typeof assetProcessed>;

export const TAG_ASSET_SYSTEM = `You catalogue images for a creative studio's asset library.
Answer with ONE JSON object and nothing else (no prose, no code fence), with exactly these fields:
{
  "tags": string[] (3 to 20 short lowercase tags, each at most 50 characters: subject, setting, style, colours, use),
  "altText": string (one sentence for screen readers, at most 300 characters, describing what is visible)
}
Describe only what you can see; never guess names of people or brands.`;

/** The rendition the model looks at: the web size is detailed enough and cheap to fetch. */
export function renditionForTagging(asset: Pick<ProcessedAsset, "renditions">) {
  const bySize = (size: string) => asset.renditions.find((r) => r.size === size);
  return bySize("web") ?? bySize("thumb") ?? asset.renditions[0]!;
}

/**
 * The tag-asset conversation. With vision the model gets the image; without it (a text-only local
 * model) it only gets the file name and is told to say so, rather than invent what the image shows.
 */
export function tagAssetPrompt(asset: ProcessedAsset, vision: boolean): ChatRequest {
  const rendition = renditionForTagging(asset);
  const fileName = fileNameOf(rendition.url);
  if (vision) {
    return {
      system: TAG_ASSET_SYSTEM,
      messages: [{ role: "user", text: `Tag this image (asset ${asset.assetId}, file ${fileName}).`, imageUrl: rendition.url }],
    };
  }
  return {
    system: TAG_ASSET_SYSTEM,
    messages: [
      {
        role: "user",
        text:
          `You cannot see this image; you only have its file name: "${fileName}" (asset ${asset.assetId}, ${rendition.width}px wide). ` +
          `Derive the tags from the file name only, include the tag "unseen", and start the alt text with "Image not analysed:".`,
      },
    ],
  };
}

export function fileNameOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split("/").filter(Boolean).pop() ?? url);
  } catch {
    return url;
  }
}
