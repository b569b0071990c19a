import { briefSubmitted } from "@studio/events";
import { type StudioForm } from "../studio-form.ts";

/** New brief. `briefId` is a hidden input minted when the page renders, so a double-click sends one event. */
export const submitBriefForm = {
  event: briefSubmitted,
  fields: [
    { name: "briefId", kind: "text" },
    { name: "clientId", kind: "text" },
    { name: "title", kind: "text" },
    { name: "budget.amount", kind: "money" },
    { name: "budget.currency", kind: "text" },
    { name: "dueDate", kind: "text" },
    { name: "encrypted.contactName", kind: "text" },
    { name: "encrypted.contactEmail", kind: "text" },
    { name: "encrypted.description", kind: "text" },
  ],
} satisfies StudioForm<typeof briefSubmitted>;
