import { briefApproved } from "@studio/events";
import { type StudioForm } from "../studio-form.ts";

export const approveBriefForm = {
  event: briefApproved,
  fields: [
    { name: "briefId", kind: "text" },
    { name: "approvedBy", kind: "text" },
    { name: "decisionId", kind: "optional" },
  ],
} satisfies StudioForm<typeof briefApproved>;
