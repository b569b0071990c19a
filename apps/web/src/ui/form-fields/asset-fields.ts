import { type FieldSpec } from "../field-spec.ts";

export function assetFields(assetId: string, projectId = ""): FieldSpec[] {
  return [
    { name: "assetId", label: "Asset id", type: "hidden", defaultValue: assetId },
    { name: "projectId", label: "Project id", required: true, defaultValue: projectId, placeholder: "project_…", hint: "Shown on a brief once its project is created." },
    { name: "fileName", label: "File name", required: true, half: true, placeholder: "hero-visual.png" },
    { name: "contentType", label: "Content type", required: true, half: true, placeholder: "image/png", hint: "MIME type, lower case." },
    { name: "bytes", label: "Size in bytes", required: true, half: true, inputMode: "numeric", placeholder: "2048000" },
    { name: "sourceUrl", label: "Uploaded file URL", type: "url", required: true, half: true, inputMode: "url", placeholder: "https://uploads.example.com/…" },
  ];
}
