import type { ThrottleSetting } from "../config/throttle-setting.ts";

/**
 * Throttle options for a model-calling function: AI_THROTTLE runs per period, in a bucket named
 * after the provider (a CEL string literal), so each provider's limit is counted on its own.
 */
export function throttleFor(setting: ThrottleSetting | undefined, provider: string) {
  if (!setting) return {};
  return { throttle: { limit: setting.limit, period: setting.period, key: JSON.stringify(provider) } };
}
