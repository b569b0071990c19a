import { NonRetriableError, StepError, type Context, type Logger } from "inngest";
import { describeSpec, modelInfo, type ModelPlan, type ModelSpec } from "../models/model-spec.ts";
import { callProvider } from "../providers/call-provider.ts";
import type { ChatRequest, Completion } from "../providers/chat-request.ts";
import { inferModel } from "../providers/infer-model.ts";
import { readCompletion, UnreadableResponseError } from "../providers/read-completion.ts";
import { requestBody, wireFormat } from "../providers/request-body.ts";
import { roundMs, type ModelCall, type TimedCompletion } from "./model-call.ts";

/** What a function hands to callModel from its context. */
export interface ModelCallContext {
  step: Context.Any["step"];
  logger: Logger;
}

export interface ModelCallOptions {
  /** Step id of the call; the fallback's is `<id>:fallback`. */
  id: string;
  /** Models to try in order (primary, then fallback). */
  models: readonly ModelSpec[];
  transport: ModelPlan["transport"];
  request: ChatRequest;
  /** The offline stand-in's answer to this request (JSON text), used when a model is `offline`. */
  offlineAnswer: () => string;
}

/**
 * Asks the first model; if its step fails for good (its retries are used up, or the provider
 * refused in a way a retry cannot fix), asks the next one. Each call is its own durable step, so a
 * replay never pays twice. Logs one line per answered call with its tokens and latency.
 */
export async function callModel(ctx: ModelCallContext, options: ModelCallOptions): Promise<ModelCall & { spec: ModelSpec }> {
  const failures: string[] = [];
  for (const [index, spec] of options.models.entries()) {
    const stepId = index === 0 ? options.id : `${options.id}:fallback`;
    try {
      const completion = await callOnce(ctx, stepId, spec, options);
      return { ...toModelCall(spec, completion), spec };
    } catch (error) {
      // StepError: the step failed for good. Unreadable: a 2xx that is not a chat answer will not become one on retry.
      if (!(error instanceof StepError || error instanceof UnreadableResponseError)) throw error;
      failures.push(`${describeSpec(spec)}: ${error.message}`);
      const next = options.models[index + 1];
      ctx.logger.warn(
        { step: stepId, provider: spec.provider, model: spec.name, error: error.message, next: next ? describeSpec(next) : "none" },
        next ? "model failed for good; asking the fallback model" : "model failed for good; no fallback left",
      );
    }
  }
  throw new NonRetriableError(`No model could answer step "${options.id}": ${failures.join(" | ")}`);
}

function toModelCall(spec: ModelSpec, completion: TimedCompletion): ModelCall {
  return {
    text: completion.text,
    truncated: completion.truncated,
    model: modelInfo(spec, completion.reportedModel),
    usage: { inputTokens: completion.inputTokens, outputTokens: completion.outputTokens, latencyMs: roundMs(completion.latencyMs) },
  };
}

/**
 * The usage line of one call. Written from inside the step that completes the call, because code
 * in a step body runs once, while code between steps runs again on every replay (where the logger
 * is silenced, so a line placed there may never appear).
 */
function logCall(ctx: ModelCallContext, stepId: string, spec: ModelSpec, transport: ModelPlan["transport"], completion: TimedCompletion) {
  const { model, usage } = toModelCall(spec, completion);
  ctx.logger.info({ step: stepId, provider: spec.provider, model: model.name, offline: model.offline, transport, ...usage }, "model answered");
}

async function callOnce(ctx: ModelCallContext, stepId: string, spec: ModelSpec, options: ModelCallOptions): Promise<TimedCompletion> {
  const { step } = ctx;
  const log = (completion: TimedCompletion) => {
    logCall(ctx, stepId, spec, options.transport, completion);
    return completion;
  };
  if (spec.provider === "offline") {
    // Recorded as an AI step like any model call, but computed here from the input: no network.
    return step.ai.wrap(stepId, () => log(timed(() => offlineCompletion(options.offlineAnswer()))));
  }
  const format = wireFormat(spec);
  if (options.transport === "wrap") {
    return step.ai.wrap(stepId, async () => {
      const started = performance.now();
      const raw = await callProvider(spec, options.request);
      return log({ ...readOrRefuse(format, raw), latencyMs: performance.now() - started });
    });
  }
  // infer: Inngest makes the HTTP call between two requests to this app, so the latency comes from
  // a memoised start time and the step after the call (it includes Inngest's scheduling, a few ms locally).
  const startedAt = await step.run(`${stepId}:started`, () => Date.now());
  const raw: unknown = await step.ai.infer(stepId, { model: inferModel(spec), body: requestBody(spec, options.request) as never });
  const latencyMs = await step.run(`${stepId}:finished`, () => {
    const elapsed = Date.now() - startedAt;
    const readable = safeRead(format, raw);
    if (readable) log({ ...readable, latencyMs: elapsed });
    return elapsed;
  });
  return { ...readCompletion(format, raw), latencyMs };
}

function safeRead(format: ReturnType<typeof wireFormat>, raw: unknown): Completion | undefined {
  try {
    return readCompletion(format, raw);
  } catch {
    return undefined;
  }
}

/** Inside a step, an unreadable answer must fail the step at once (not be retried) so the fallback is asked. */
function readOrRefuse(format: ReturnType<typeof wireFormat>, raw: unknown): Completion {
  try {
    return readCompletion(format, raw);
  } catch (error) {
    throw new NonRetriableError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

function timed(fn: () => Completion): TimedCompletion {
  const started = performance.now();
  const completion = fn();
  return { ...completion, latencyMs: performance.now() - started };
}

function offlineCompletion(text: string): Completion {
  return { text, truncated: false, reportedModel: undefined, inputTokens: 0, outputTokens: 0 };
}
