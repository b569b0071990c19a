import { env } from "../env.ts";
import { cachedModelPlan } from "./model-plan-source.ts";
import { describeSpec } from "./model-spec.ts";

/**
 * This process's model plan, from env.ts: resolved on first use (node.ts warms it at start-up),
 * then kept. One line says which model answers and why; the offline stand-in is flagged loudly.
 */
export const appModelPlan = cachedModelPlan(env, (plan) => {
  const line = {
    primary: describeSpec(plan.primary),
    fallback: plan.fallback ? describeSpec(plan.fallback) : "none",
    transport: plan.transport,
    reason: plan.reason,
  };
  if (plan.primary.provider === "offline") {
    console.warn(
      `[ai] OFFLINE model: analyses and tags are placeholders derived from the input text, not AI output. ${JSON.stringify(line)}\n` +
        `[ai] To use a real model set OPENAI_API_KEY, ANTHROPIC_API_KEY or AI_BASE_URL (see docs/ai.md).`,
    );
  } else {
    console.info(`[ai] model plan: ${JSON.stringify(line)}`);
  }
});
