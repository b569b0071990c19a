import { analyseBriefReturnSchema, briefAnalysed, type AnalyseBriefResult } from "@studio/events";
import { type ActivityEvent } from "./types.ts";

/**
 * The latest AI analysis of a brief found in its activity: an `ai/brief.analysed` event (sent on
 * re-analysis), or what a run got back from invoking the AI app's `analyse-brief` (read from the
 * run's trace on the Dev Server). Anything that does not match the contract is ignored.
 */
export function findAnalysis(activity: readonly ActivityEvent[]): AnalyseBriefResult | undefined {
  const candidates: unknown[] = [];
  for (const event of activity) {
    if (event.name === briefAnalysed.name) candidates.push(event.data);
    for (const run of event.runs) for (const invoked of run.output?.invoked ?? []) candidates.push(invoked.data);
  }
  let best: AnalyseBriefResult | undefined;
  for (const candidate of candidates) {
    // A stored invoke result can come wrapped as { data: … }.
    const inner = candidate !== null && typeof candidate === "object" && "data" in candidate ? candidate.data : undefined;
    const parsed = analyseBriefReturnSchema.safeParse(candidate).data ?? analyseBriefReturnSchema.safeParse(inner).data;
    if (parsed && (!best || parsed.revision >= best.revision)) best = parsed;
  }
  return best;
}
