import { pino, type DestinationStream, type LevelWithSilent, type Logger } from "pino";
import { RUN_BOUND, runContext } from "./run-context.ts";
import { scrubLogFields } from "./scrub-log-fields.ts";
import { secretScrubbingStream } from "./secret-scrubbing-stream.ts";

export type StudioLogger = Logger;

export type StudioLoggerOptions = {
  /** Stamped on every line as `appId`. */
  appId: string;
  level: LevelWithSilent;
  /** Where JSON lines go. Default: stdout. Tests pass a stream that collects the lines. */
  destination?: DestinationStream | undefined;
  /** Literal secret values to blank out of every line (keys, tokens). */
  secrets?: readonly (string | undefined)[];
};

/**
 * The app's one pino logger (JSON lines). Three protections run on every line:
 * - fields named like secrets, `encrypted` fields and encrypted envelopes are replaced, at any depth;
 * - the literal values of the app's secrets are replaced wherever they appear;
 * - lines written while a run is executing get the run's ids (see runContext), unless the logger
 *   is already bound to that run (ctx.logger).
 */
export function createStudioLogger({ appId, level, destination, secrets = [] }: StudioLoggerOptions): StudioLogger {
  return pino(
    {
      level,
      base: { appId },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        log: (fields) => scrubLogFields(fields),
        bindings: (bindings) => scrubLogFields(bindings),
      },
      mixin: (_fields, _level, logger) => {
        if ((logger as unknown as Record<symbol, unknown>)[RUN_BOUND]) return {};
        const ids = runContext.getStore();
        if (!ids) return {};
        // eventName is left out: the SDK's own child logger already binds it.
        const { eventName: _bound, ...rest } = ids;
        return rest;
      },
    },
    secretScrubbingStream(destination ?? pino.destination({ dest: 1, sync: true }), secrets),
  );
}
