import type { DestinationStream } from "pino";
import { declareSecretValues, liveSecretReplacer } from "../secrets/secret-registry.ts";

/**
 * Wraps a log destination so that the literal values of the process's secrets (everything the
 * app's env.ts declares secret, the Inngest and encryption keys, and `secrets`) are replaced in
 * every finished line, wherever they come from: an error message, a URL, a field with an innocent
 * name. Field-based scrubbing cannot catch those.
 */
export function secretScrubbingStream(destination: DestinationStream, secrets: readonly (string | undefined)[]): DestinationStream {
  declareSecretValues(secrets);
  const replaceSecrets = liveSecretReplacer();
  return {
    write(line: string) {
      destination.write(replaceSecrets(line));
    },
  };
}
