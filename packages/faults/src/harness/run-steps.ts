import type { DevServerApi, RunStatus } from "@studio/dev-server";

export type StepSpan = { name: string; status: RunStatus };

/** The steps of a run as its trace shows them (a step can appear more than once: planned, then run). */
export async function runSteps(api: DevServerApi, runId: string): Promise<StepSpan[]> {
  const { runTrace } = await api.graphql<{ runTrace: { childrenSpans: StepSpan[] } | null }>(
    "query($id: String!) { runTrace(runID: $id) { childrenSpans { name status } } }",
    { id: runId },
  );
  return runTrace?.childrenSpans ?? [];
}

/** True once every named step has a COMPLETED span in the run's trace (Inngest has stored its result). */
export async function stepsCompleted(api: DevServerApi, runId: string, names: string[]): Promise<boolean> {
  const spans = await runSteps(api, runId);
  return names.every((name) => spans.some((s) => s.name === name && s.status === "COMPLETED"));
}
