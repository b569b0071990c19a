const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;

/**
 * Replaces e-mail addresses in free text with "[email]". Service answers and error messages end up
 * in run errors, logs and the plaintext automation.failed event; addresses must not.
 */
export function redactEmails(text: string): string {
  return text.replace(EMAIL, "[email]");
}
