import { analyseBriefDataSchema, analyseBriefReturnSchema, briefAnalysisSchema, type AnalyseBriefResult } from "@studio/events";
import { invoke, NonRetriableError } from "inngest";
import { reportFailure } from "../failures/report-failure.ts";
import { askStructured } from "../inference/ask-structured.ts";
import { offlineBriefAnalysis } from "../offline/offline-brief-analysis.ts";
import { analyseBriefPrompt } from "../prompts/analyse-brief-prompt.ts";
import type { AiClient } from "./ai-client.ts";
import type { ModelFunctionDeps } from "./model-function-deps.ts";
import { throttleFor } from "./throttle-for.ts";

/**
 * `analyse-brief`: the contract's invoke target (`analyseBrief` in @studio/events). Reads one brief
 * revision, asks the configured model for a structured analysis (summary, deliverables, risks,
 * estimate), validates it, and returns it with the model used and the usage.
 *
 * Applies:
 * - docs/research/inngest/events-and-triggers.md#an-invoke-only-function-has-no-event-in-the-catalog (invoke(analyseBriefDataSchema))
 * - docs/research/inngest/ai-inference.md#with-infer-inngest-makes-the-call (the default transport)
 * - docs/research/inngest/ai-inference.md#a-malformed-answer-is-not-a-transient-error (one repair turn)
 * - docs/research/inngest/steps-and-workflows.md#a-step-that-fails-for-good-throws-steperror (the fallback model)
 * - docs/research/inngest/inngest-functions-resources.md#a-constant-key-must-be-a-cel-string-literal (throttle per provider)
 */
export function createAnalyseBrief(client: AiClient, deps: ModelFunctionDeps) {
  return client.createFunction(
    {
      id: "analyse-brief",
      name: "AI: analyse brief",
      description: "Structured analysis of a brief revision by the configured model (invoked by the worker).",
      triggers: [invoke(analyseBriefDataSchema)],
      retries: 2,
      ...throttleFor(deps.throttle, deps.throttleKey),
      onFailure: reportFailure,
    },
    async ({ event, step, logger }): Promise<AnalyseBriefResult> => {
      const { briefId, revision } = event.data;
      const plan = await deps.models();
      const answer = await askStructured(
        { step, logger },
        {
          task: "analyse",
          plan,
          request: analyseBriefPrompt(event.data),
          schema: briefAnalysisSchema,
          offlineAnswer: () => JSON.stringify(offlineBriefAnalysis(event.data)),
        },
      );
      const result = { briefId, revision, analysis: answer.value, model: answer.model, usage: answer.usage };
      logger.info({ briefId, revision, attempts: answer.attempts, ...answer.model, ...answer.usage }, "brief analysed");
      return validResult(result);
    },
  );
}

/** The caller relies on the contract's return schema: check it here rather than fail on their side. */
function validResult(result: AnalyseBriefResult): AnalyseBriefResult {
  const checked = analyseBriefReturnSchema.safeParse(result);
  if (checked.success) return checked.data;
  const problems = checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new NonRetriableError(`analyse-brief would return a result that breaks the contract: ${problems}`);
}
