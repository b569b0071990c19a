import { AsyncLocalStorage } from "node:async_hooks";

/** The ids that tie a log line to one attempt of one run. */
export type RunIds = {
  functionId: string;
  runId: string;
  eventId: string | undefined;
  eventName: string | undefined;
  attempt: number;
};

/**
 * Holds the ids of the run a request is executing, so that log lines written during that
 * request by loggers that were not bound to the run (the SDK's own lines, a module-level logger)
 * still carry them. Set by the run-logger middleware around each execution request.
 */
export const runContext = new AsyncLocalStorage<Partial<RunIds>>();

/**
 * Marks a logger whose bindings already hold the run ids, so the mixin does not add them twice.
 * Child loggers inherit it through their prototype.
 */
export const RUN_BOUND = Symbol.for("studio.logger.runBound");
