import { getStudioLogger } from "@studio/middleware";
import { inngest } from "../client.ts";
import { env } from "../env.ts";
import { cachedModelPlan } from "./model-plan-source.ts";
import { describeSpec } from "./model-spec.ts";

/**
 * This process's model plan, from env.ts: resolved on first use (node.ts warms it at start-up),
 * then kept. One line says which model answers and why; the offline stand-in is flagged loudly.
 */
export const appModelPlan = cachedModelPlan(env, (plan) => {
  const logger = getStudioLogger(inngest);
  const line = {
    primary: describeSpec(plan.primary),
    fallback: plan.fallback ? describeSpec(plan.fallback) : "none",
    transport: plan.transport,
    reason: plan.reason,
  };
  if (plan.primary.provider === "offline") {
    logger.warn(
      line,
      "OFFLINE model: analyses and tags are placeholders derived from the input text, not AI output. " +
        "To use a real model set OPENAI_API_KEY, ANTHROPIC_API_KEY or AI_BASE_URL, or start Ollama or LM Studio (docs/ai.md).",
    );
  } else {
    logger.info(line, "model plan");
  }
});
