import { decryptAll } from "@studio/middleware";
import { TEST_ENCRYPTION_KEY } from "@studio/middleware/testing";
import { startStack, type RunStatus, type Stack } from "@studio/dev-server";
import { startOutsideServices, type OutsideServices } from "../testing/outside-services.ts";

export type WorkerStack = { stack: Stack; services: OutsideServices; stop: () => Promise<void> };

/**
 * The worker and the AI app as real processes, a real Dev Server, and the outside services as
 * local test servers. Timeouts are shortened through the environment, as an operator would.
 */
export async function startWorkerStack(): Promise<WorkerStack> {
  const services = await startOutsideServices();
  // The worker encrypts the brief it hands to the AI app, so both run with the same key.
  const shared = { STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: "warn" };
  let stack: Stack;
  try {
    stack = await startStack({
      apps: ["worker", "ai"],
      env: {
        worker: {
          ...shared,
          ...services.env,
          APPROVAL_REMINDER_AFTER: "2s",
          APPROVAL_TIMEOUT: "5s",
          RENDITION_RATE: "600/1m",
        },
        // Pin the offline model: a local Ollama on the developer's machine must not answer tests.
        ai: { ...shared, AI_PROVIDER: "offline" },
      },
    });
  } catch (error) {
    await services.stop();
    throw error;
  }
  return {
    stack,
    services,
    stop: async () => {
      await stack.stop();
      await services.stop();
    },
  };
}

/** The run an event started (the first one), once it has ended, with its final status. */
export async function endedRun(stack: Stack, eventId: string, timeoutMs = 60_000): Promise<{ runId: string; status: RunStatus }> {
  const [run] = await stack.api.waitForRuns(eventId, { timeoutMs });
  return { runId: run!.run_id, status: run!.status };
}

/** A finished run's return value, decrypted (the worker encrypts function results). */
export async function runResult<T>(stack: Stack, runId: string): Promise<T> {
  const output = await stack.api.output(runId);
  return (await decryptAll(output.data, [TEST_ENCRYPTION_KEY])) as T;
}
