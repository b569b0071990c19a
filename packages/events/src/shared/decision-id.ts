import { idSchema } from "./ids.ts";

/**
 * Names one decision of an operator (an approval, a withdrawal, a payment). It is minted once per
 * decision — when the form is shown, or by the caller of the JSON API — and re-used when that same
 * decision is re-sent, so the dedupe id drops an accidental re-send (double click, retried request)
 * but lets a deliberate second decision through. Optional, so events from producers that predate
 * it stay valid; those dedupe on their subject alone.
 */
export const decisionIdSchema = idSchema
  .optional()
  .describe(
    "Id of this decision: minted once per decision, re-used when the same decision is re-sent. Part of the dedupe id, so a re-send is dropped and a new decision (new id) is delivered. Without it the event dedupes on its subject alone.",
  );
