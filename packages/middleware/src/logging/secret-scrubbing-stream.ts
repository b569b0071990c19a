import type { DestinationStream } from "pino";
import { REDACTED } from "./scrub-log-fields.ts";

/**
 * Wraps a log destination so that the literal values of the app's secrets (signing keys, event
 * key, encryption keys, DSN) are replaced in every finished line, wherever they come from: an
 * error message, a URL, a field with an innocent name. Field-based scrubbing cannot catch those.
 */
export function secretScrubbingStream(destination: DestinationStream, secrets: readonly (string | undefined)[]): DestinationStream {
  // Longest first, so a secret that contains another is replaced whole. Very short strings are
  // skipped: replacing "1" everywhere would wreck the logs and protect nothing.
  const values = [...new Set(secrets.filter((s): s is string => typeof s === "string" && s.length >= 8))].sort(
    (a, b) => b.length - a.length,
  );
  if (values.length === 0) return destination;
  return {
    write(line: string) {
      let out = line;
      for (const secret of values) if (out.includes(secret)) out = out.replaceAll(secret, REDACTED);
      destination.write(out);
    },
  };
}
