import { decryptAll } from "@studio/middleware";
import { createTestEngine, TEST_ENCRYPTION_KEY, type TestEngineOptions } from "@studio/middleware/testing";
import { type InngestFunction } from "inngest";
import { expect } from "vitest";

/**
 * Runs a worker function once in @inngest/test through the shared helper from
 * @studio/middleware/testing (which wraps the engine's known bugs: waitForEvent/invoke results,
 * instant sleeps, a fresh engine per run). Worker additions:
 * - step.sendEvent is real by default: events go through the encryption middleware to the fake
 *   Inngest API of unit-setup.ts, where tests read them (`outside().events()`);
 * - the result comes back decrypted (the Studio client encrypts function results).
 */
export async function runFunction(fn: InngestFunction.Like, options: TestEngineOptions = {}) {
  const output = await createTestEngine(fn, { sendEvent: "real", ...options }).execute();
  return { ...output, result: await decryptAll(output.result, [TEST_ENCRYPTION_KEY]) };
}

/**
 * A `step.fetch` answer as Inngest's gateway records it (what the engine must be given for a
 * step.fetch step, whose id is "step.fetch: <host>", then "step.fetch: <host>:1", ...).
 */
export function gatewayAnswer(status: number, body = "", headers: Record<string, string> = {}) {
  return { status_code: status, headers, body };
}

/** The engine's step id for the n-th (0-based) step.fetch to a host in one run. */
export function fetchStepId(host: string, n = 0): string {
  return n === 0 ? `step.fetch: ${host}` : `step.fetch: ${host}:${n}`;
}

type Spy = { mock: { calls: unknown[][] } };

/** The calls recorded by a step tool's spy (`ctx.step.sleep`), deduplicated: replays repeat them. */
export function stepCalls(tool: unknown): unknown[][] {
  const seen = new Set<string>();
  return (tool as Spy).mock.calls.filter((call) => {
    const key = JSON.stringify(call);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The `text` of every distinct message a run sent to the team webhook with step.fetch. */
export function teamMessages(fetchTool: unknown): string[] {
  return stepCalls(fetchTool).map(([, init]) => (JSON.parse((init as { body: string }).body) as { text: string }).text);
}

/** Asserts a run's (serialised) error: its name, and a part of its message. */
export function expectError(error: unknown, name: string, message: string | RegExp) {
  expect(error).toMatchObject({ name });
  const text = (error as { message?: unknown }).message;
  if (typeof message === "string") expect(text).toContain(message);
  else expect(text).toMatch(message);
}
