import { briefApproved } from "@studio/events";
import { type StudioForm } from "../studio-form.ts";

export const approveBriefForm = {
  event: briefApproved,
  fields: [
    { name: "briefId", kind: "text" },
    { name: "decisionId", kind: "optional" },
  ],
  // The approver is whoever is signed in (their user id), never a typed name.
  fromSession: (user) => ({ approvedBy: user.id }),
} satisfies StudioForm<typeof briefApproved>;
