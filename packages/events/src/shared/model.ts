import { z } from "zod";

/** Which model produced an AI result. `offline` marks the local stand-in used when no provider key is set. */
export const modelInfoSchema = z.object({
  provider: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  offline: z.boolean(),
});

/** Token usage and latency of one inference. */
export const usageSchema = z.object({
  inputTokens: z.int().min(0),
  outputTokens: z.int().min(0),
  latencyMs: z.number().min(0),
});

export type ModelInfo = z.infer<typeof modelInfoSchema>;
export type Usage = z.infer<typeof usageSchema>;
