import type { ModelInfo, Usage } from "@studio/events";
import type { Completion } from "../providers/chat-request.ts";

/** One answered model call as the functions see it: the text plus the contract's model and usage facts. */
export interface ModelCall {
  text: string;
  truncated: boolean;
  model: ModelInfo;
  usage: Usage;
}

/** What a step returns for one call (JSON, so it can be memoised): the completion plus its latency. */
export type TimedCompletion = Completion & { latencyMs: number };

/** Adds up usage across calls (a malformed answer still cost its tokens and time). */
export function addUsage(a: Usage, b: Usage): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    latencyMs: roundMs(a.latencyMs + b.latencyMs),
  };
}

export function roundMs(ms: number): number {
  return Math.max(0, Math.round(ms * 10) / 10);
}
