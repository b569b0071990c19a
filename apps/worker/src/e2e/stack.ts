import { decryptAll } from "@studio/middleware";
import { TEST_ENCRYPTION_KEY } from "@studio/middleware/testing";
import { startStack, type Stack } from "@studio/dev-server";
import { startOutsideServices, type OutsideServices } from "../testing/outside-services.ts";

export type WorkerStack = { stack: Stack; services: OutsideServices; stop: () => Promise<void> };

/**
 * The worker and the AI app as real processes, a real Dev Server, and the outside services as
 * local test servers. Timeouts are shortened through the environment, as an operator would.
 */
export async function startWorkerStack(extraEnv: Record<string, string> = {}): Promise<WorkerStack> {
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
          ...extraEnv,
        },
        ai: shared,
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

export type TraceStatus = "RUNNING" | "QUEUED" | "WAITING" | "COMPLETED" | "FAILED" | "CANCELLED";
const ENDED: TraceStatus[] = ["COMPLETED", "FAILED", "CANCELLED"];

/**
 * A run's status from its trace (GraphQL). The v1 REST run records of this Dev Server build report
 * "Completed" while a run is still waiting, so tests read the trace instead.
 */
export async function runStatus(stack: Stack, runId: string): Promise<TraceStatus> {
  const { runTrace } = await stack.api.graphql<{ runTrace: { status: TraceStatus } }>(
    "query($id: String!) { runTrace(runID: $id) { status } }",
    { id: runId },
  );
  return runTrace.status;
}

/** The run an event started (the first one), once it has ended; with its final status. */
export async function endedRun(stack: Stack, eventId: string, timeoutMs = 60_000): Promise<{ runId: string; status: TraceStatus }> {
  const runId = await eventually(`a run of event ${eventId}`, async () => (await stack.api.runsForEvent(eventId))[0]?.run_id, timeoutMs);
  const status = await eventually(
    `run ${runId} to end`,
    async () => {
      const current = await runStatus(stack, runId);
      return ENDED.includes(current) && current;
    },
    timeoutMs,
  );
  return { runId, status };
}

/** A finished run's return value, decrypted (the worker encrypts function results). */
export async function runResult<T>(stack: Stack, runId: string): Promise<T> {
  const output = await stack.api.output(runId);
  return (await decryptAll(output.data, [TEST_ENCRYPTION_KEY])) as T;
}

/** Events of one name the Dev Server received, newest first (GET /v1/events is not cached). */
export async function eventsNamed(stack: Stack, name: string): Promise<{ id: string; name: string; data: Record<string, unknown> }[]> {
  const res = await fetch(`${stack.devServer.url}/v1/events?name=${encodeURIComponent(name)}&limit=100&_=${Date.now()}`);
  if (!res.ok) throw new Error(`list events ${name}: HTTP ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { data: { id?: string; internal_id?: string; name: string; data: Record<string, unknown> }[] | null };
  return (body.data ?? []).map((e) => ({ id: e.id ?? e.internal_id ?? "", name: e.name, data: e.data }));
}

/** Polls `check` until it returns something truthy. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ""}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
