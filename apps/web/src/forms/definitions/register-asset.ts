import { assetUploaded } from "@studio/events";
import { type StudioForm } from "../studio-form.ts";

/** Registers a file already uploaded somewhere reachable over http(s). */
export const registerAssetForm = {
  event: assetUploaded,
  fields: [
    { name: "assetId", kind: "text" },
    { name: "projectId", kind: "text" },
    { name: "fileName", kind: "text" },
    { name: "contentType", kind: "text" },
    { name: "bytes", kind: "integer" },
    { name: "sourceUrl", kind: "text" },
  ],
} satisfies StudioForm<typeof assetUploaded>;
