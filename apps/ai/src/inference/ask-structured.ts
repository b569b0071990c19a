import { NonRetriableError } from "inngest";
import type { ModelInfo, Usage } from "@studio/events";
import type { z } from "zod";
import type { ModelPlan } from "../models/model-spec.ts";
import { withRepairTurn } from "../prompts/repair-prompt.ts";
import type { ChatRequest } from "../providers/chat-request.ts";
import { callModel, type ModelCallContext } from "./call-model.ts";
import { addUsage } from "./model-call.ts";
import { parseStructuredAnswer } from "./parse-structured-answer.ts";

export interface StructuredAnswer<T> {
  value: T;
  /** The model whose answer was used. */
  model: ModelInfo;
  /** Summed over every call made, a malformed first answer included. */
  usage: Usage;
  /** 1 when the first answer was good, 2 when it needed the repair turn. */
  attempts: 1 | 2;
}

/** Thrown when the model's answer is still malformed after the repair turn. Retrying cannot help: the answers are memoised. */
export class MalformedAnswerError extends NonRetriableError {
  readonly problems: readonly string[];
  constructor(task: string, problems: readonly string[]) {
    super(`${task}: the model's answer was malformed twice (after a repair prompt): ${problems.join("; ")}`);
    this.name = "MalformedAnswerError";
    this.problems = problems;
  }
}

/**
 * Asks for a JSON answer matching `schema`. A malformed answer gets exactly one repair turn (the
 * model sees its answer and what is wrong with it); a second malformed answer fails the run
 * with every problem listed. Step ids: `<task>`, `<task>:repair` (plus `:fallback` variants).
 */
export async function askStructured<S extends z.ZodType>(
  ctx: ModelCallContext,
  options: { task: string; plan: ModelPlan; request: ChatRequest; schema: S; offlineAnswer: () => string },
): Promise<StructuredAnswer<z.output<S>>> {
  const { task, plan, request, schema, offlineAnswer } = options;
  const models = plan.fallback ? [plan.primary, plan.fallback] : [plan.primary];

  const first = await callModel(ctx, { id: task, models, transport: plan.transport, request, offlineAnswer });
  const parsed = parseStructuredAnswer(first.text, schema, first.truncated);
  if (parsed.ok) return { value: parsed.value, model: first.model, usage: first.usage, attempts: 1 };

  ctx.logger.warn({ step: task, problems: parsed.problems }, "malformed model answer; asking for a repair");
  // Repair with the model that answered (if the primary had failed, it is still the fallback's turn).
  const repairModels = models.slice(models.indexOf(first.spec));
  const second = await callModel(ctx, {
    id: `${task}:repair`,
    models: repairModels,
    transport: plan.transport,
    request: withRepairTurn(request, first.text, parsed.problems),
    offlineAnswer,
  });
  const usage = addUsage(first.usage, second.usage);
  const repaired = parseStructuredAnswer(second.text, schema, second.truncated);
  if (repaired.ok) return { value: repaired.value, model: second.model, usage, attempts: 2 };

  ctx.logger.error({ step: `${task}:repair`, problems: repaired.problems, ...usage }, "model answer still malformed after repair");
  throw new MalformedAnswerError(task, repaired.problems);
}
