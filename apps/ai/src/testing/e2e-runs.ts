import { eventually, type RunStatus, type Stack } from "@studio/dev-server";
import { DEV_ONLY_ENCRYPTION_KEY, decryptAll } from "@studio/middleware";

/**
 * The first run an event started, once it has ended, with its status, decrypted result and error.
 * (The shared API reads the status from the run's trace: the v1 run records of this Dev Server
 * build can say "Completed" while a run still waits on an invoke.)
 */
export async function endedRun(stack: Stack, eventId: string, timeoutMs = 90_000) {
  const [run] = await stack.api.waitForRuns(eventId, { timeoutMs }); // waits until the run has ended
  return withOutput(stack, run!.run_id, run!.status);
}

/** Like endedRun, for a run found another way (e.g. an invoked run, which has no listed event). */
export async function endedRunById(stack: Stack, runId: string, timeoutMs = 90_000) {
  const { status } = await stack.api.waitForRun(runId, { timeoutMs });
  return withOutput(stack, runId, status);
}

/** An ended run with its decrypted result and error. */
async function withOutput(stack: Stack, runId: string, status: RunStatus) {
  const output = await eventually(`the output of run ${runId}`, async () => {
    const out = await stack.api.output(runId);
    return (out.data !== undefined || out.error !== undefined) && out;
  });
  // The apps run on the dev-only encryption key here, as with `pnpm dev`.
  const decrypted = (await decryptAll(output, [DEV_ONLY_ENCRYPTION_KEY])) as { data?: unknown; error?: { name?: string; message: string } };
  return { runId, status, result: decrypted.data, error: decrypted.error };
}
