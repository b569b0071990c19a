import { newItemId } from "../../ids/new-item-id.ts";
import { type FieldSpec } from "../field-spec.ts";

/**
 * The hidden id of the decision a form records, minted when the form is shown: re-submitting the
 * same form (double click, retry) re-sends the same decision and is deduped; a later, deliberate
 * decision comes from a new form and goes through (the contract's `decisionId`).
 */
export function decisionField(): FieldSpec {
  return { name: "decisionId", label: "Decision id", type: "hidden", defaultValue: newItemId("decision") };
}
