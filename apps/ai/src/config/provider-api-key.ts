/** The provider-named keys that stand in when a model's own key (AI_API_KEY, AI_FALLBACK_API_KEY) is unset. */
export interface ProviderKeys {
  OPENAI_API_KEY?: string | undefined;
  ANTHROPIC_API_KEY?: string | undefined;
}

/** The key a model is called with: its own key, else OPENAI_API_KEY / ANTHROPIC_API_KEY for those providers. */
export function providerApiKey(provider: string | undefined, ownKey: string | undefined, keys: ProviderKeys): string | undefined {
  return ownKey ?? (provider === "openai" ? keys.OPENAI_API_KEY : provider === "anthropic" ? keys.ANTHROPIC_API_KEY : undefined);
}
