/**
 * How one input becomes part of the event data. The input's `name` is the field's path in the
 * data (`budget.amount`), so contract errors map straight back to inputs.
 *
 * - `text`: required text, trimmed (an empty value is left to the contract to reject).
 * - `optional`: text, left out of the data when blank.
 * - `money`: an amount typed in major units ("12500.50"), sent in minor units (1250050).
 * - `integer`: a whole number typed as text.
 * - `instant`: a `datetime-local` value, read in the browser's time zone (its offset travels in
 *   the hidden `tzOffset` input) and sent as an ISO instant in UTC. `future` requires a time to
 *   come; `defaultNow` fills a blank value with the time of submission.
 */
export type FormField =
  | { name: string; kind: "text" | "optional" | "money" | "integer" }
  | { name: string; kind: "instant"; future?: boolean; defaultNow?: boolean };

/** Name of the hidden input holding `Date.getTimezoneOffset()` of the browser (minutes). */
export const TZ_OFFSET_FIELD = "tzOffset";
