const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;

/**
 * Replaces e-mail addresses with "[email]". Model and provider errors can quote the brief they
 * were given; the failure event travels in plain text and the alert goes to a team channel.
 */
export function redactEmails(text: string): string {
  return text.replace(EMAIL, "[email]");
}
