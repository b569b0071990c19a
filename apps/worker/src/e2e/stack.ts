import { decryptAll } from "@studio/middleware";
import { TEST_ENCRYPTION_KEY } from "@studio/middleware/testing";
import { freePort, startApp, startStack, type AppName, type RunStatus, type Stack } from "@studio/dev-server";
import { startOutsideServices, type OutsideServices } from "../testing/outside-services.ts";

export type WorkerStack = {
  stack: Stack;
  services: OutsideServices;
  /** The env each app was started with (redeployWorker starts from it). */
  env: { worker: Record<string, string>; ai: Record<string, string> };
  /** Replaced worker processes still being stopped. */
  retiring: Promise<void>[];
  stop: () => Promise<void>;
};

export type WorkerStackOptions = {
  /** Extra worker env (shortened periods and limits), over the defaults below. */
  worker?: Record<string, string>;
  /** Extra AI app env. */
  ai?: Record<string, string>;
  /** Which apps to start (default both). */
  apps?: AppName[];
};

/** The worker's short test periods: the suites take seconds, not days. */
export const SHORT_WORKER_PERIODS = {
  APPROVAL_REMINDER_AFTER: "2s",
  APPROVAL_TIMEOUT: "5s",
  RENDITION_RATE: "600/1m",
} as const;

/**
 * The worker and the AI app as real processes, a real Dev Server, and the outside services as
 * local test servers: the team webhook, email, rendition service and the AI app's model (an
 * OpenAI-compatible stand-in at <services>/v1, whose answers tests can slow down). Periods are
 * shortened through the environment, as an operator would.
 */
export async function startWorkerStack(options: WorkerStackOptions = {}): Promise<WorkerStack> {
  const services = await startOutsideServices();
  // The worker encrypts the brief it hands to the AI app, so both run with the same key.
  const shared = { STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: "warn" };
  const env = {
    worker: { ...shared, ...services.env, ...SHORT_WORKER_PERIODS, ...options.worker },
    ai: {
      ...shared,
      AI_PROVIDER: "openai-compatible",
      AI_BASE_URL: `${services.url}/v1`,
      AI_MODEL: "stand-in-model",
      AI_FALLBACK_PROVIDER: "none",
      ...options.ai,
    },
  };
  let stack: Stack;
  try {
    stack = await startStack({ apps: options.apps ?? ["worker", "ai"], env });
  } catch (error) {
    await services.stop();
    throw error;
  }
  const started: WorkerStack = {
    stack,
    services,
    env,
    retiring: [],
    stop: async () => {
      await Promise.all(started.retiring);
      await stack.stop();
      await services.stop();
    },
  };
  return started;
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

/** One step of a run as its trace shows it (startedAt: when Inngest started it, e.g. a wait's registration). */
export type StepSpan = { name: string; stepOp: string | null; status: string; startedAt: string | null; endedAt: string | null };

/** The steps of a run so far, from its trace. */
export async function stepSpans(stack: Stack, runId: string): Promise<StepSpan[]> {
  const { runTrace } = await stack.api.graphql<{ runTrace: { childrenSpans: StepSpan[] } }>(
    "query($id: String!) { runTrace(runID: $id) { childrenSpans { name stepOp status startedAt endedAt } } }",
    { id: runId },
  );
  return runTrace.childrenSpans;
}

/**
 * Deploys the worker again with `env` changed, the way a platform like Vercel does: the new
 * version starts next to the old one, is synced (the Dev Server keys apps by id, so the app's URL
 * moves to the new process), and only then is the old process stopped. Runs in flight continue
 * on the new version, without downtime.
 */
export async function redeployWorker(w: WorkerStack, env: Record<string, string>): Promise<void> {
  const old = w.stack.apps.worker;
  if (!old) throw new Error("redeployWorker: the stack has no worker");
  w.env.worker = { ...w.env.worker, ...env };
  const next = await startApp("worker", { port: await freePort(), env: { INNGEST_DEV: w.stack.devServer.url, ...w.env.worker } });
  const synced = await fetch(next.serveUrl, { method: "PUT" });
  if (!synced.ok) {
    await next.stop();
    throw new Error(`redeployWorker: sync answered HTTP ${synced.status} ${await synced.text()}`);
  }
  w.stack.apps.worker = next;
  // The old process is stopped in the background (it can take seconds); stop() waits for it.
  w.retiring.push(old.stop());
}
