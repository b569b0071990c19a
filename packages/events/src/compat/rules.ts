/**
 * The FULL-compatibility rules. Events flow both ways across deploys: consumers on the previous
 * contract read events from new producers (forward), and new consumers read events still sent by
 * old producers or already queued (backward). A change must keep both working.
 */
export const rules = {
  "contract-removed": {
    summary: "an event (or invoke contract) was removed",
    why: "consumers and producers deployed with the previous contract still send or subscribe to it",
    fix: "keep it and mark it `deprecated: { replacedBy, removeAfter }`; once that is committed and every app has moved, it may be removed",
  },
  "field-removed": {
    summary: "a field was removed",
    why: "consumers built on the previous contract read this field",
    fix: "keep the field (say in its description that it is deprecated), or publish a new version and serve both during the overlap",
  },
  "field-renamed": {
    summary: "a field was renamed",
    why: "a rename removes the old field, which old consumers read, and adds one old producers never send",
    fix: "keep the old field and add the new name as an optional field, or publish a new version and serve both during the overlap",
  },
  "required-field-added": {
    summary: "a required field was added",
    why: "producers on the previous contract do not send it, so new consumers would reject their events",
    fix: "add it as an optional field (`.optional()`) and handle its absence, or publish a new version",
  },
  "optional-made-required": {
    summary: "an optional field became required",
    why: "producers on the previous contract may omit it, so new consumers would reject their events",
    fix: "keep it optional, or publish a new version and serve both during the overlap",
  },
  "required-made-optional": {
    summary: "a required field became optional",
    why: "consumers on the previous contract require it and would reject events that omit it",
    fix: "keep it required, or publish a new version and serve both during the overlap",
  },
  "type-narrowed": {
    summary: "a field's type was narrowed",
    why: "producers on the previous contract may send values of the old, wider type",
    fix: "keep the old type, or add a new optional field with the narrower type, or publish a new version",
  },
  "type-widened": {
    summary: "a field's type was widened",
    why: "consumers on the previous contract reject values of the new, wider type",
    fix: "keep the old type, or add a new optional field with the wider type, or publish a new version",
  },
  "type-changed": {
    summary: "a field's type changed",
    why: "neither side can read the other's values",
    fix: "keep the old field as it is and add a new optional field with the new type, or publish a new version",
  },
  "enum-narrowed": {
    summary: "allowed values were removed",
    why: "producers on the previous contract may still send the removed values",
    fix: "keep the values (and ignore them if unused), or publish a new version",
  },
  "enum-widened": {
    summary: "allowed values were added",
    why: "consumers on the previous contract reject the new values",
    fix: "publish a new version carrying the new values and serve both during the overlap, or put the new value in a new optional field",
  },
  "constraint-narrowed": {
    summary: "a constraint was tightened",
    why: "producers on the previous contract may send values the new constraint rejects",
    fix: "keep the old constraint (enforce the tighter rule in the producer), or publish a new version",
  },
  "constraint-widened": {
    summary: "a constraint was loosened",
    why: "consumers on the previous contract validate with the old constraint and reject the new values",
    fix: "keep the old constraint until every consumer is on the new contract via a new version served alongside",
  },
  "constraint-changed": {
    summary: "a constraint changed",
    why: "values valid under one side's constraint may fail the other's",
    fix: "keep the old constraint, or publish a new version and serve both during the overlap",
  },
  "schema-changed": {
    summary: "the schema changed in a way the gate cannot prove compatible",
    why: "the change may reject values one side sends",
    fix: "revert it, or publish a new version and serve both during the overlap",
  },
} as const satisfies Record<string, { summary: string; why: string; fix: string }>;

export type RuleId = keyof typeof rules;
