import { InngestTestEngine, mockCtx } from "@inngest/test";
import { StepError, type Context, type EventPayload, type InngestFunction } from "inngest";

type StepIdArg = string | { id: string };
type AnyFn = (...args: unknown[]) => unknown;

export type TestEngineOptions = {
  /** The triggering event(s). Default: @inngest/test's mock "inngest/function.invoked" event. */
  events?: [EventPayload, ...EventPayload[]];
  /**
   * Results of `step.run` (and other engine-mocked steps) by step id; the real step body does not
   * run. Unlisted `step.run`s execute for real.
   */
  steps?: Record<string, unknown>;
  /**
   * Results of `step.waitForEvent` by step id: the matched event, or `null` for a timeout. A
   * wait with no entry fails the run with an error naming it. (Works around inngest-js#1652:
   * mocks given through @inngest/test's `steps` always fail for waitForEvent.)
   */
  waitForEvent?: Record<string, unknown>;
  /**
   * Step ids (`step.run`, `step.ai.infer`, `step.ai.wrap` or `step.invoke`) that fail for good (as
   * after their last retry): the handler receives a StepError with this message, so its catch
   * path runs. (Works around @inngest/test resolving a throwing mock to undefined.) Value: the
   * message, or `{ name, message }`. For an invoke, this wins over an `invoke` entry.
   */
  failSteps?: Record<string, string | { name?: string; message: string }>;
  /** Results of `step.invoke` by step id. An invoke with no entry fails the run with an error naming it. */
  invoke?: Record<string, unknown>;
  /**
   * `step.sleep` / `step.sleepUntil` resolve at once (default), since an unmocked sleep never
   * resolves in @inngest/test. Set false to keep the engine's behaviour, e.g. to assert the
   * planned Sleep op with `executeStep`.
   */
  instantSleeps?: boolean;
  /**
   * `step.sendEvent` is answered locally with made-up ids (default "mock"), because the engine
   * would really send. Calls are recorded on `ctx.step.sendEvent` (a spy). "real" sends through the
   * client, so its middleware (encryption of data.encrypted) runs: point INNGEST_DEV at a local
   * event sink (startEventSink) when you do that.
   */
  sendEvent?: "mock" | "real";
};

/**
 * @inngest/test with this project's workarounds (see docs/middleware.md, "Testing functions"),
 * for any function built on a Studio client. Each `execute` / `executeStep` uses a fresh
 * InngestTestEngine, because an engine memoises mock results across executions.
 *
 *   const t = createTestEngine(fn, { events: [evt], waitForEvent: { "wait-approval": approved } });
 *   const { result, error, ctx, state } = await t.execute();
 *   expect(ctx.step.sleep).toHaveBeenCalledWith("cool-off", "10m");
 *   await expect(state[hashedStepId("load")]).resolves.toEqual(...);
 *
 * Middleware runs as in production (encryption included), except `wrapRequest`, which only a
 * real request triggers: use runThroughServeHandler for that. Not modelled by the engine:
 * retries, `attempt > 0`, onFailure handlers.
 */
export function createTestEngine(fn: InngestFunction.Like, defaults: TestEngineOptions = {}) {
  const engine = (overrides: TestEngineOptions = {}) => {
    const opts = { ...defaults, ...overrides };
    const { steps = {} } = opts;
    return new InngestTestEngine({
      function: fn,
      ...(opts.events ? { events: opts.events } : {}),
      steps: Object.entries(steps).map(([id, value]) => ({ id, handler: () => value })),
      transformCtx: (raw: Context.Any) => mockCtx({ ...raw, step: replaceStepTools(raw.step, opts) }),
    });
  };
  return {
    execute: (overrides?: TestEngineOptions) => engine(overrides).execute(),
    executeStep: (stepId: string, overrides?: TestEngineOptions) => engine(overrides).executeStep(stepId),
    /** A raw InngestTestEngine with the same workarounds, for anything else (e.g. executeAndWaitFor). */
    engine,
  };
}

function idOf(arg: StepIdArg): string {
  return typeof arg === "string" ? arg : arg.id;
}

function replaceStepTools(step: Context.Any["step"], opts: TestEngineOptions): Context.Any["step"] {
  const tools = step as unknown as Record<string, AnyFn>;
  const replaced: Record<string, AnyFn | Record<string, AnyFn>> = {};

  const failSteps = opts.failSteps ?? {};
  const failure = (id: unknown): Promise<never> | undefined => {
    const key = idOf(id as StepIdArg);
    const given = failSteps[key];
    if (given === undefined) return undefined;
    const { name = "Error", message } = typeof given === "string" ? { message: given } : given;
    return Promise.reject(new StepError(key, { name, message }));
  };
  if (opts.failSteps) {
    const failing = (real: AnyFn): AnyFn => (id, ...rest) => failure(id) ?? real(id, ...rest);
    const ai = step.ai as unknown as Record<string, AnyFn>;
    replaced["run"] = failing(tools["run"]!);
    replaced["ai"] = { ...ai, infer: failing(ai["infer"]!), wrap: failing(ai["wrap"]!) };
  }

  const { waitForEvent = {} } = opts;
  replaced["waitForEvent"] = (id) => {
    const key = idOf(id as StepIdArg);
    if (!(key in waitForEvent)) {
      return Promise.reject(new Error(`createTestEngine: step.waitForEvent("${key}") has no result; pass waitForEvent: { "${key}": <event> | null }`));
    }
    return Promise.resolve(waitForEvent[key]);
  };

  const { invoke = {} } = opts;
  replaced["invoke"] = (id) => {
    const failed = failure(id);
    if (failed) return failed;
    const key = idOf(id as StepIdArg);
    if (!(key in invoke)) {
      return Promise.reject(new Error(`createTestEngine: step.invoke("${key}") has no result; pass invoke: { "${key}": <output> }`));
    }
    return Promise.resolve(invoke[key]);
  };

  if (opts.instantSleeps !== false) {
    replaced["sleep"] = () => Promise.resolve(undefined);
    replaced["sleepUntil"] = () => Promise.resolve(undefined);
  }

  if (opts.sendEvent !== "real") {
    let sent = 0;
    replaced["sendEvent"] = (_id, payload) => {
      const count = Array.isArray(payload) ? payload.length : 1;
      return Promise.resolve({ ids: Array.from({ length: count }, () => `test-event-${++sent}`) });
    };
  }

  return { ...step, ...replaced };
}
