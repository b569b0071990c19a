import { analyseBriefReturnSchema, briefAnalysed, type AnalyseBriefResult } from "@studio/events";
import { type ActivityEvent } from "./types.ts";

/**
 * The latest AI analysis of a brief found in its activity: an `ai/brief.analysed` event (sent on
 * re-analysis), or what a run got back from invoking the AI app's `analyse-brief` (read from the
 * run's trace on the Dev Server). Anything that does not match the contract is ignored. A v2
 * event (ai/brief.analysed@2) carries the analysis under `encrypted` (revealed by the time it gets
 * here): it is read as the v1 shape.
 */
export function findAnalysis(activity: readonly ActivityEvent[]): AnalyseBriefResult | undefined {
  const candidates: unknown[] = [];
  for (const event of activity) {
    if (event.name === briefAnalysed.name) candidates.push(flattenV2(event.data));
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

/** `{ ..., encrypted: { analysis } }` (v2) as `{ ..., analysis }` (v1 and the invoke result). */
function flattenV2(data: unknown): unknown {
  if (data === null || typeof data !== "object" || !("encrypted" in data)) return data;
  const { encrypted, ...rest } = data;
  const analysis = encrypted !== null && typeof encrypted === "object" ? (encrypted as { analysis?: unknown }).analysis : undefined;
  return analysis === undefined ? data : { ...rest, analysis };
}
