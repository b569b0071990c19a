import { type RuleId } from "./rules.ts";

/** One change that an old consumer could not read, or an old producer could not satisfy. */
export interface BreakingChange {
  /** What changed: an event (`studio/brief.submitted@1`) or invoke contract (`studio-ai/analyse-brief data`). */
  readonly subject: string;
  /** The field, rooted at the payload: `data.budget.amount`, `data.renditions[].size`. */
  readonly path: string;
  readonly rule: RuleId;
  /** What exactly changed, e.g. `values removed: "print"`. */
  readonly detail: string;
}
