import { DEV_ONLY_ENCRYPTION_KEY, decryptAll } from "@studio/middleware";
import { createTestEngine, TEST_ENCRYPTION_KEY, type TestEngineOptions } from "@studio/middleware/testing";
import { type EventPayload, type InngestFunction } from "inngest";

export interface ExecuteOptions extends Pick<TestEngineOptions, "steps" | "failSteps" | "invoke"> {
  events: [EventPayload, ...EventPayload[]];
}

export interface SentEvent {
  name: string;
  data: unknown;
  id?: string;
}

type SendEventSpy = { mock: { calls: [unknown, SentEvent | SentEvent[]][] } };

/**
 * Runs a function once through the shared createTestEngine (@studio/middleware/testing: results
 * by step id, failSteps for step.run / step.ai.infer / step.ai.wrap / step.invoke, invoke results,
 * step.sendEvent answered locally) and returns its result decrypted (the Studio client encrypts
 * function results; tests use the dev-only or the test key), the events it sent (read from the
 * sendEvent spy, never really sent) and the engine's ctx for spy assertions.
 */
export async function executeFunction(fn: InngestFunction.Like, options: ExecuteOptions) {
  const { result, error, ctx, state } = await createTestEngine(fn, options).execute();
  const sent: SentEvent[] = (ctx.step.sendEvent as unknown as SendEventSpy).mock.calls.flatMap(([, payload]) =>
    (Array.isArray(payload) ? payload : [payload]).map(({ name, data, id }) => ({ name, data, ...(id ? { id } : {}) })),
  );
  return { result: await decryptAll(result, [DEV_ONLY_ENCRYPTION_KEY, TEST_ENCRYPTION_KEY]), error, ctx, state, sent };
}
