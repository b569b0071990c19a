import type { Stack } from "@studio/dev-server";
import { DEV_ONLY_ENCRYPTION_KEY, decryptAll } from "@studio/middleware";

export type TraceStatus = "RUNNING" | "QUEUED" | "WAITING" | "COMPLETED" | "FAILED" | "CANCELLED";
const ENDED: TraceStatus[] = ["COMPLETED", "FAILED", "CANCELLED"];

/** Polls `check` until it returns something truthy; the error names `what`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
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

/**
 * The first run an event started, once it has ended, with its status, decrypted result and error.
 * The status comes from the run's trace: this Dev Server build's v1 run records can say
 * "Completed" while a run is still waiting (on an invoke, for example).
 */
export async function endedRun(stack: Stack, eventId: string, timeoutMs = 90_000) {
  const runId = await eventually(`a run of event ${eventId}`, async () => (await stack.api.runsForEvent(eventId))[0]?.run_id, timeoutMs);
  return endedRunById(stack, runId, timeoutMs);
}

/** Like endedRun, for a run found another way (e.g. an invoked run, which has no listed event). */
export async function endedRunById(stack: Stack, runId: string, timeoutMs = 90_000) {
  const status = await eventually(
    `run ${runId} to end`,
    async () => {
      const { runTrace } = await stack.api.graphql<{ runTrace: { status: TraceStatus } }>(
        "query($id: String!) { runTrace(runID: $id) { status } }",
        { id: runId },
      );
      return ENDED.includes(runTrace.status) && runTrace.status;
    },
    timeoutMs,
  );
  const output = await eventually(`the output of run ${runId}`, async () => {
    const out = await stack.api.output(runId);
    return (out.data !== undefined || out.error !== undefined) && out;
  });
  // The apps run on the dev-only encryption key here, as with `pnpm dev`.
  const decrypted = (await decryptAll(output, [DEV_ONLY_ENCRYPTION_KEY])) as { data?: unknown; error?: { name?: string; message: string } };
  return { runId, status, result: decrypted.data, error: decrypted.error };
}

/** Events of one name the Dev Server received (GET /v1/events is not cached). */
export async function eventsNamed(stack: Stack, name: string): Promise<Array<{ name: string; data: Record<string, unknown> }>> {
  const res = await fetch(`${stack.devServer.url}/v1/events?name=${encodeURIComponent(name)}&limit=100&_=${Date.now()}`);
  if (!res.ok) throw new Error(`list events ${name}: HTTP ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { data: Array<{ name: string; data: Record<string, unknown> }> | null };
  return body.data ?? [];
}

/** Ids of the runs of one function (by slug, e.g. studio-ai-analyse-brief) queued since `since`, newest first. */
export async function runIdsOf(stack: Stack, slug: string, since: Date): Promise<string[]> {
  const { runs } = await stack.api.graphql<{ runs: { edges: Array<{ node: { id: string; function: { slug: string } } }> } }>(
    `query($from: Time!) { runs(first: 100, orderBy: [{ field: QUEUED_AT, direction: DESC }], filter: { from: $from }) { edges { node { id function { slug } } } } }`,
    { from: since.toISOString() },
  );
  return runs.edges.filter((e) => e.node.function.slug === slug).map((e) => e.node.id);
}
