import { ConfigError } from "@studio/middleware";
import { isLoopbackUrl } from "../config/loopback-url.ts";
import { providerApiKey } from "../config/provider-api-key.ts";
import type { Env } from "../env.ts";
import { DEFAULT_MODELS, type ModelPlan, type ModelSpec, type ProviderName } from "./model-spec.ts";
import { probeLocalServer, type LocalServer } from "./probe-local-server.ts";

/** The env variables that decide the plan (a subset, so tests can pass plain objects). */
export type ModelSettings = Pick<
  Env,
  | "AI_PROVIDER"
  | "AI_MODEL"
  | "AI_BASE_URL"
  | "AI_API_KEY"
  | "OPENAI_API_KEY"
  | "ANTHROPIC_API_KEY"
  | "AI_FALLBACK_PROVIDER"
  | "AI_FALLBACK_MODEL"
  | "AI_FALLBACK_BASE_URL"
  | "AI_FALLBACK_API_KEY"
  | "AI_TRANSPORT"
  | "AI_MAX_TOKENS"
  | "AI_VISION"
  | "AI_LOCAL_PROBE_URLS"
>;

type Probe = (baseUrl: string) => Promise<LocalServer | undefined>;

/**
 * Turns the validated settings into a plan. `auto` picks, in order: a provider whose key is set
 * (OpenAI, then Anthropic), AI_BASE_URL as an OpenAI-compatible server, the first local server
 * that answers a probe, and finally the offline stand-in. Only `auto` and a keyless local base URL
 * probe anything, and only on this machine.
 */
export async function resolveModelPlan(settings: ModelSettings, probe: Probe = probeLocalServer): Promise<ModelPlan> {
  const { primary, reason } = await resolvePrimary(settings, probe);
  const fallback = resolveFallback(settings, primary);
  return { primary, fallback, transport: settings.AI_TRANSPORT, reason };
}

function spec(settings: ModelSettings, provider: ProviderName, name: string, baseUrl: string | undefined, apiKey: string | undefined): ModelSpec {
  const vision = settings.AI_VISION ?? (provider === "openai" || provider === "anthropic");
  return { provider, name, baseUrl, apiKey, maxTokens: settings.AI_MAX_TOKENS, vision };
}

async function resolvePrimary(s: ModelSettings, probe: Probe): Promise<{ primary: ModelSpec; reason: string }> {
  const key = (provider: ProviderName) => providerApiKey(provider, s.AI_API_KEY, s);
  const hosted = (provider: "openai" | "anthropic", why: string) => ({
    primary: spec(s, provider, s.AI_MODEL ?? DEFAULT_MODELS[provider], s.AI_BASE_URL, key(provider)),
    reason: why,
  });
  const compatible = async (baseUrl: string, why: string) => {
    let model = s.AI_MODEL;
    if (!model) {
      // env.ts only lets this happen for a server on this machine.
      const server = isLoopbackUrl(baseUrl) ? await probe(baseUrl) : undefined;
      model = server?.models[0];
      if (!model) {
        throw new ConfigError(`[ai] AI_MODEL is not set and ${baseUrl} did not list any model at GET /models: set AI_MODEL to the model to use`);
      }
      why += ` (model ${model} is the first the server lists)`;
    }
    return { primary: spec(s, "openai-compatible", model, baseUrl, key("openai-compatible")), reason: why };
  };
  const offline = (why: string) => ({ primary: spec(s, "offline", DEFAULT_MODELS.offline, undefined, undefined), reason: why });

  switch (s.AI_PROVIDER) {
    case "openai":
    case "anthropic":
      return hosted(s.AI_PROVIDER, `AI_PROVIDER=${s.AI_PROVIDER}`);
    case "openai-compatible":
      return compatible(s.AI_BASE_URL!, "AI_PROVIDER=openai-compatible");
    case "offline":
      return offline("AI_PROVIDER=offline");
    case "auto": {
      if (s.OPENAI_API_KEY) return hosted("openai", "auto: OPENAI_API_KEY is set");
      if (s.ANTHROPIC_API_KEY) return hosted("anthropic", "auto: ANTHROPIC_API_KEY is set");
      if (s.AI_BASE_URL) return compatible(s.AI_BASE_URL, "auto: AI_BASE_URL is set");
      const servers = await Promise.all(s.AI_LOCAL_PROBE_URLS.map((url) => probe(url)));
      const found = servers.find((server) => server && server.models.length > 0);
      if (found) {
        const model = s.AI_MODEL ?? found.models[0]!;
        return {
          primary: spec(s, "openai-compatible", model, found.baseUrl, s.AI_API_KEY),
          reason: `auto: a local model server answered at ${found.baseUrl}`,
        };
      }
      const probed = s.AI_LOCAL_PROBE_URLS.length ? `nothing answered at ${s.AI_LOCAL_PROBE_URLS.join(", ")}` : "probing is off";
      return offline(`auto: no API key, no AI_BASE_URL, and ${probed}`);
    }
  }
}

function resolveFallback(s: ModelSettings, primary: ModelSpec): ModelSpec | undefined {
  const provider = s.AI_FALLBACK_PROVIDER ?? (s.AI_FALLBACK_MODEL ? primary.provider : "none");
  if (provider === "none") return undefined;
  if (provider === "offline") return spec(s, "offline", DEFAULT_MODELS.offline, undefined, undefined);
  const samePlace = provider === primary.provider;
  const baseUrl = s.AI_FALLBACK_BASE_URL ?? (samePlace ? primary.baseUrl : undefined);
  const apiKey = samePlace ? (s.AI_FALLBACK_API_KEY ?? primary.apiKey) : providerApiKey(provider, s.AI_FALLBACK_API_KEY, s);
  const name = s.AI_FALLBACK_MODEL ?? (provider === "openai" || provider === "anthropic" ? DEFAULT_MODELS[provider] : primary.name);
  return spec(s, provider, name, baseUrl, apiKey);
}
