import type { DestinationStream } from "pino";
import { REDACTED } from "./scrub-log-fields.ts";

/**
 * The secret values worth replacing, deduplicated, longest first (so a secret that contains
 * another is replaced whole). Very short strings are skipped: replacing "1" everywhere would
 * wreck the text and protect nothing.
 */
function redactableSecrets(secrets: readonly (string | undefined)[]): string[] {
  return [...new Set(secrets.filter((s): s is string => typeof s === "string" && s.length >= 8))].sort((a, b) => b.length - a.length);
}

/**
 * Replaces the literal values of the given secrets in free text with REDACTED. Used for finished
 * log lines (secretScrubbingStream) and for Sentry events (textScrubber).
 */
export function secretReplacer(secrets: readonly (string | undefined)[]): (text: string) => string {
  const values = redactableSecrets(secrets);
  return (text) => {
    let out = text;
    for (const secret of values) if (out.includes(secret)) out = out.replaceAll(secret, REDACTED);
    return out;
  };
}

/**
 * Wraps a log destination so that the literal values of the app's secrets (signing keys, event
 * key, encryption keys, DSN) are replaced in every finished line, wherever they come from: an
 * error message, a URL, a field with an innocent name. Field-based scrubbing cannot catch those.
 */
export function secretScrubbingStream(destination: DestinationStream, secrets: readonly (string | undefined)[]): DestinationStream {
  if (redactableSecrets(secrets).length === 0) return destination;
  const replaceSecrets = secretReplacer(secrets);
  return {
    write(line: string) {
      destination.write(replaceSecrets(line));
    },
  };
}
