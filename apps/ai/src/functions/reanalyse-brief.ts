import { briefAnalysedV2, briefUpdated, type AnalyseBriefResult } from "@studio/events";
import type { TimeStr } from "inngest";
import { reportFailure } from "../failures/report-failure.ts";
import type { AiClient } from "./ai-client.ts";
import type { createAnalyseBrief } from "./analyse-brief.ts";

/** analyse-brief needs a title; an update that only changed the description says so instead of inventing one. */
export const TITLE_NOT_IN_UPDATE = "(title unchanged; not part of this update)";

export interface ReanalyseBriefDeps {
  /** The app's analyse-brief function: re-analysis goes through it, so its throttle and fallback apply. */
  analyseBrief: ReturnType<typeof createAnalyseBrief>;
  /** Quiet time after the last update of a brief before it is analysed. */
  debounce: TimeStr;
  /** Longest a stream of updates can postpone the analysis. */
  maxWait: TimeStr;
}

/**
 * `reanalyse-brief`: on `studio/brief.updated`, debounced per brief (a burst of edits is analysed
 * once, with the last edit), invokes analyse-brief and emits `ai/brief.analysed` (v2: the analysis
 * under data.encrypted, since it is about the client's brief).
 *
 * Applies:
 * - docs/research/inngest/inngest-functions-resources.md#debounce-hands-over-the-last-event-only (debounce per briefId)
 * - docs/research/inngest/steps-and-workflows.md#invoking-another-function (invokes analyse-brief)
 */
export function createReanalyseBrief(client: AiClient, deps: ReanalyseBriefDeps) {
  return client.createFunction(
    {
      id: "reanalyse-brief",
      name: "AI: re-analyse updated brief",
      description: "Re-analyses a brief after edits (debounced per brief) and emits ai/brief.analysed.",
      triggers: [briefUpdated],
      debounce: { key: "event.data.briefId", period: deps.debounce, timeout: deps.maxWait },
      retries: 2,
      onFailure: reportFailure,
    },
    async ({ event, step, logger }): Promise<AnalyseBriefResult> => {
      const { briefId, revision, encrypted } = event.data;
      const result = await step.invoke("analyse", {
        function: deps.analyseBrief,
        data: { briefId, revision, encrypted: { title: encrypted.title ?? TITLE_NOT_IN_UPDATE, description: encrypted.description } },
      });
      const { analysis, ...facts } = result;
      await step.sendEvent("emit-brief-analysed", briefAnalysedV2.create({ ...facts, encrypted: { analysis } }));
      logger.info({ briefId, revision, ...result.model, ...result.usage }, "updated brief re-analysed");
      return result;
    },
  );
}
