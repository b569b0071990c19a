import { briefWithdrawn } from "@studio/events";
import { type StudioForm } from "../studio-form.ts";

export const withdrawBriefForm = {
  event: briefWithdrawn,
  fields: [
    { name: "briefId", kind: "text" },
    { name: "reason", kind: "optional" },
    { name: "decisionId", kind: "optional" },
  ],
} satisfies StudioForm<typeof briefWithdrawn>;
