/** One input of a console form, described as data so server pages can lay out client forms. */
export type FieldSpec = {
  /** The field's path in the event data (`budget.amount`): contract errors come back under it. */
  name: string;
  label: string;
  type?: "text" | "email" | "url" | "date" | "datetime-local" | "textarea" | "select" | "hidden";
  hint?: string;
  required?: boolean;
  defaultValue?: string;
  placeholder?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  inputMode?: "text" | "decimal" | "numeric" | "email" | "url";
  autoComplete?: string;
  /** Half-width on wide screens (pairs such as amount + currency). */
  half?: boolean;
};
