/** What a secret is replaced with, everywhere. */
export const REDACTED = "[redacted]";

/** Shorter values are not replaced: blanking "1" or "dev" everywhere would wreck the text and protect nothing. */
export const MIN_SECRET_LENGTH = 8;

/**
 * The forms a secret takes in text we send: as written, JSON-escaped (inside a JSON document,
 * e.g. a serialised error or a step output) and URL-encoded (in a URL or form body).
 */
function forms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
}

/**
 * The values worth replacing, in every form, deduplicated, longest first (so a secret that
 * contains another is replaced whole).
 */
export function redactableSecrets(secrets: readonly (string | undefined)[]): string[] {
  const values = secrets.filter((s): s is string => typeof s === "string" && s.trim().length >= MIN_SECRET_LENGTH);
  return [...new Set(values.flatMap(forms))].sort((a, b) => b.length - a.length);
}

export type SecretReplacer = (text: string) => string;

/**
 * Replaces the literal values of the given secrets in free text with REDACTED. Used for finished
 * log lines, Sentry events, errors of runs, step outputs and sent events.
 */
export function secretReplacer(secrets: readonly (string | undefined)[]): SecretReplacer {
  const values = redactableSecrets(secrets);
  if (values.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const secret of values) if (out.includes(secret)) out = out.replaceAll(secret, REDACTED);
    return out;
  };
}
