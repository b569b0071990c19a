import { briefUpdated } from "@studio/events";
import { type StudioForm } from "../studio-form.ts";

/**
 * Edit a submitted brief. `revision` is a hidden input the page fills with the next revision
 * (see nextBriefRevision), so a double-click sends one event; a blank title is left out.
 */
export const updateBriefForm = {
  event: briefUpdated,
  fields: [
    { name: "briefId", kind: "text" },
    { name: "revision", kind: "integer" },
    { name: "encrypted.title", kind: "optional" },
    { name: "encrypted.description", kind: "text" },
  ],
} satisfies StudioForm<typeof briefUpdated>;
