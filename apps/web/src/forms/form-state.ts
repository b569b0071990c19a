/**
 * What a form shows after a submit: each bad field's message (keyed by the input's name, which is
 * the field's path in the event data, e.g. `encrypted.contactEmail`), a summary line, and the
 * values as typed so nothing is lost.
 */
export type FormState = {
  status: "idle" | "invalid" | "failed";
  message?: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
};

export const initialFormState: FormState = { status: "idle", fieldErrors: {}, values: {} };
