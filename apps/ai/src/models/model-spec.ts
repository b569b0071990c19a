/** The providers this app can call. `openai-compatible` is any server speaking OpenAI's chat API. */
export type ProviderName = "openai" | "anthropic" | "openai-compatible" | "offline";

/** One model the app can call, fully resolved. Holds a secret (apiKey): never log or return it. */
export interface ModelSpec {
  provider: ProviderName;
  /** The model name sent to the provider. */
  name: string;
  /** Base URL of the API (ends before /chat/completions or /messages); undefined = the provider's own. */
  baseUrl: string | undefined;
  apiKey: string | undefined;
  maxTokens: number;
  /** Whether images may be sent to this model. */
  vision: boolean;
}

/** Which models answer, in which order, and how the call is made. Resolved once per process. */
export interface ModelPlan {
  primary: ModelSpec;
  /** Asked when the primary fails for good (after its retries). */
  fallback: ModelSpec | undefined;
  /** `infer`: Inngest calls the provider (step.ai.infer). `wrap`: this app calls it inside step.ai.wrap. */
  transport: "infer" | "wrap";
  /** Why this plan was chosen, for the start-up log line. */
  reason: string;
}

/** Where functions get their plan: a cached promise, so probing happens once per process. */
export type ModelPlanSource = () => Promise<ModelPlan>;

export const DEFAULT_MODELS: Record<Exclude<ProviderName, "openai-compatible">, string> = {
  openai: "gpt-4o-mini",
  anthropic: "claude-haiku-4-5",
  offline: "offline-heuristic",
};

/** What the contract's `model` field says about a spec: the provider, the name, and whether it is the offline stand-in. */
export function modelInfo(spec: Pick<ModelSpec, "provider" | "name">, reportedName?: string) {
  return { provider: spec.provider, name: reportedName || spec.name, offline: spec.provider === "offline" };
}

/** A spec without its secret, for logs. */
export function describeSpec(spec: ModelSpec): string {
  const where = spec.baseUrl ? ` at ${spec.baseUrl}` : "";
  return `${spec.provider} ${spec.name}${where}`;
}
