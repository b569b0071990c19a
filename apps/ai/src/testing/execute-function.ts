import { InngestTestEngine, mockCtx } from "@inngest/test";
import { DEV_ONLY_ENCRYPTION_KEY, decryptAll } from "@studio/middleware";
import { TEST_ENCRYPTION_KEY } from "@studio/middleware/testing";
import { StepError, type Context, type EventPayload, type InngestFunction } from "inngest";

type AnyFn = (...args: unknown[]) => unknown;
type StepIdArg = string | { id: string };
const idOf = (arg: unknown) => (typeof arg === "string" ? arg : (arg as { id: string }).id);

export interface ExecuteOptions {
  events: [EventPayload, ...EventPayload[]];
  /** Results by step id for engine-mocked steps (step.ai.infer answers, step.run results). */
  steps?: Record<string, unknown>;
  /**
   * Step ids (step.run, step.ai.infer, step.ai.wrap or step.invoke) that fail for good, as after their last
   * retry: the handler receives a StepError with this message. @inngest/test cannot do this on
   * its own (a throwing mock resolves to undefined), and the shared createTestEngine only covers
   * step.run.
   */
  failSteps?: Record<string, string>;
  /** Results of step.invoke by step id (an invoke with no entry fails, naming it). */
  invoke?: Record<string, unknown>;
}

export interface SentEvent {
  name: string;
  data: unknown;
  id?: string;
}

/**
 * Runs a function once in @inngest/test with this app's workarounds and returns its result
 * decrypted (the Studio client encrypts function results; tests use the dev-only or the test key), the
 * events it sent (answered locally, never really sent) and the engine's ctx for spy assertions.
 * A fresh engine per call: an engine memoises mock results across executions.
 */
export async function executeFunction(fn: InngestFunction.Like, options: ExecuteOptions) {
  const sent: SentEvent[] = [];
  const engine = new InngestTestEngine({
    function: fn,
    events: options.events,
    steps: Object.entries(options.steps ?? {}).map(([id, value]) => ({ id, handler: () => value })),
    transformCtx: (raw: Context.Any) => mockCtx({ ...raw, step: replaceTools(raw.step, options, sent) }),
  });
  const { result, error, ctx, state } = await engine.execute();
  return { result: await decryptAll(result, [DEV_ONLY_ENCRYPTION_KEY, TEST_ENCRYPTION_KEY]), error, ctx, state, sent };
}

function replaceTools(step: Context.Any["step"], options: ExecuteOptions, sent: SentEvent[]): Context.Any["step"] {
  const tools = step as unknown as { run: AnyFn; ai: Record<string, AnyFn> };
  const failSteps = options.failSteps ?? {};
  const failing = (real: AnyFn): AnyFn => (id, ...rest) => {
    const message = failSteps[idOf(id)];
    return message === undefined ? real(id, ...rest) : Promise.reject(new StepError(idOf(id), { name: "Error", message }));
  };
  const invoke = options.invoke ?? {};
  let count = 0;
  return {
    ...step,
    run: failing(tools.run.bind(step)),
    ai: { ...tools.ai, infer: failing(tools.ai.infer!), wrap: failing(tools.ai.wrap!) },
    invoke: (id: StepIdArg) => {
      const key = idOf(id);
      const failure = failSteps[key];
      if (failure !== undefined) return Promise.reject(new StepError(key, { name: "Error", message: failure }));
      return key in invoke ? Promise.resolve(invoke[key]) : Promise.reject(new Error(`executeFunction: step.invoke("${key}") has no result; pass invoke: { "${key}": ... }`));
    },
    sendEvent: (_id: StepIdArg, payload: SentEvent | SentEvent[]) => {
      const batch = Array.isArray(payload) ? payload : [payload];
      sent.push(...batch.map(({ name, data, id }) => ({ name, data, ...(id ? { id } : {}) })));
      return Promise.resolve({ ids: batch.map(() => `test-event-${++count}`) });
    },
  } as unknown as Context.Any["step"];
}
