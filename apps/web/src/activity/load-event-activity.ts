import { type Revealer } from "../crypto/create-revealer.ts";
import { type InngestApi } from "../inngest-api/create-inngest-api.ts";
import { type StoredEvent, type StoredRun } from "../inngest-api/types.ts";
import { type FunctionDirectory } from "./function-directory.ts";
import { type ActivityEvent, type ActivityRun } from "./types.ts";

// Not isFinished (still-changing.ts): a "Skipped" run never ran, so it has no result to read.
const FINISHED = new Set(["Completed", "Failed", "Cancelled"]);

/**
 * For each event (oldest first): its runs with status, and for finished runs their result,
 * decrypted for display. Repeats of an already-seen event id are marked.
 */
export async function loadEventActivity(
  api: InngestApi,
  events: readonly StoredEvent[],
  functions: FunctionDirectory,
  reveal: Revealer,
  opts: { outputs?: boolean } = {},
): Promise<ActivityEvent[]> {
  const ordered = [...events].sort((a, b) => a.received_at.localeCompare(b.received_at) || a.internal_id.localeCompare(b.internal_id));
  const firstById = new Map<string, string>();
  return Promise.all(
    ordered.map(async (event) => {
      const repeatOf = event.id ? firstById.get(event.id) : undefined;
      if (event.id && !repeatOf) firstById.set(event.id, event.internal_id);
      const [runs, data] = await Promise.all([api.eventRuns(event.internal_id), reveal(event.data)]);
      return {
        internalId: event.internal_id,
        ...(event.id ? { id: event.id } : {}),
        name: event.name,
        receivedAt: event.received_at,
        ...(event.ts ? { ts: event.ts } : {}),
        data: data.value,
        dataSealed: data.sealed,
        ...(repeatOf ? { repeatOf } : {}),
        runs: await Promise.all(runs.map((run) => describeRun(api, run, functions, reveal, opts.outputs ?? true))),
      } satisfies ActivityEvent;
    }),
  );
}

async function describeRun(
  api: InngestApi,
  listed: StoredRun,
  functions: FunctionDirectory,
  reveal: Revealer,
  withOutput: boolean,
): Promise<ActivityRun> {
  // The Dev Server's per-event run list reports a run that is still going (e.g. waiting for an
  // event) as "Completed" with no end time; the run's own record has the real status.
  const run = listed.ended_at ? listed : await api.run(listed.run_id).catch(() => listed);
  const fn = await functions(run.function_id);
  const described: ActivityRun = {
    runId: run.run_id,
    functionSlug: fn?.id ?? run.function_id,
    functionName: fn?.name ?? fn?.id ?? "unknown function",
    status: run.status,
    ...(run.run_started_at ? { startedAt: run.run_started_at } : {}),
    ...(run.ended_at ? { endedAt: run.ended_at } : {}),
  };
  // A running run has no result yet, but on the Dev Server its finished invoke steps do.
  if (!withOutput || (!FINISHED.has(run.status) && !api.config.isDev)) return described;
  const output = await api.runOutput(run).catch(() => undefined);
  if (!output) return described;
  const revealed = await reveal(output);
  return { ...described, output: revealed.value as ActivityRun["output"], outputSealed: revealed.sealed };
}
