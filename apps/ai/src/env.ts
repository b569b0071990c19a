import { z } from "zod";
import { blankAsUnset, envFlag, inngestMode, optionalVar, parseEnv, secret, studioEnvSchema, varWithDefault } from "@studio/middleware";
import { isLoopbackUrl } from "./config/loopback-url.ts";
import { providerApiKey } from "./config/provider-api-key.ts";
import { throttleSettingSchema } from "./config/throttle-setting.ts";
import { timeStrSchema } from "./config/time-str.ts";

// optionalVar / varWithDefault: blank values (`AI_API_KEY=` in a .env file) mean "not set".
/** Declared secret: scrubbed from logs, Sentry, run errors, outputs and events (docs/middleware.md, "Secrets"). */
const apiKey = () => secret(optionalVar(z.string().min(1)));

const providers = ["openai", "anthropic", "openai-compatible", "offline"] as const;

/** Where `auto` looks for a model server on this machine: Ollama, then LM Studio. */
export const DEFAULT_LOCAL_PROBE_URLS = ["http://127.0.0.1:11434/v1", "http://127.0.0.1:1234/v1"];

const probeUrls = z.string().transform((raw, ctx) => {
  if (raw.trim() === "none") return [];
  const urls = raw.split(",").map((u) => u.trim()).filter(Boolean);
  for (const url of urls) {
    if (!isLoopbackUrl(url)) {
      ctx.addIssue({ code: "custom", message: `"${url}" is not on this machine: only http://127.0.0.1, localhost or [::1] URLs are probed ("none" turns probing off)` });
    }
  }
  return urls;
});

export const aiEnvSchema = studioEnvSchema
  .extend({
    PORT: varWithDefault(z.coerce.number().int().min(1).max(65535), "3002"),
    HOST: varWithDefault(z.string(), "127.0.0.1"),

    /** Which model provider answers. `auto`: see docs/ai.md ("Choosing a model"). */
    AI_PROVIDER: z.preprocess(blankAsUnset, z.enum(["auto", ...providers]).default("auto")),
    /** Model name as the provider knows it. Defaults per provider (see docs/ai.md). */
    AI_MODEL: optionalVar(z.string().min(1).max(200)),
    /** Provider base URL, e.g. http://127.0.0.1:11434/v1 (Ollama) or a proxy in front of OpenAI/Anthropic. */
    AI_BASE_URL: optionalVar(z.url({ protocol: /^https?$/ })),
    /** API key for the provider; OPENAI_API_KEY / ANTHROPIC_API_KEY are read as well. */
    AI_API_KEY: apiKey(),
    OPENAI_API_KEY: apiKey(),
    ANTHROPIC_API_KEY: apiKey(),

    /** Used when the primary provider fails for good. Unset: no fallback (or the primary provider if AI_FALLBACK_MODEL is set). */
    AI_FALLBACK_PROVIDER: optionalVar(z.enum(["none", ...providers])),
    AI_FALLBACK_MODEL: optionalVar(z.string().min(1).max(200)),
    AI_FALLBACK_BASE_URL: optionalVar(z.url({ protocol: /^https?$/ })),
    AI_FALLBACK_API_KEY: apiKey(),

    /** `infer`: Inngest makes the model call (step.ai.infer). `wrap`: this app makes it (step.ai.wrap). */
    AI_TRANSPORT: z.preprocess(blankAsUnset, z.enum(["infer", "wrap"]).default("infer")),
    /** Model-calling runs per period and provider, e.g. "20/1m"; "off" for none. */
    AI_THROTTLE: varWithDefault(throttleSettingSchema, "20/1m"),
    /** Most tokens one answer may use. */
    AI_MAX_TOKENS: z.preprocess(blankAsUnset, z.coerce.number().int().min(64).max(32_000).default(1024)),
    /** Send the asset image to the model when tagging. Default: on for openai/anthropic, off otherwise. */
    AI_VISION: optionalVar(envFlag),
    /** Comma-separated loopback base URLs `auto` probes for a local model server, or "none". */
    AI_LOCAL_PROBE_URLS: varWithDefault(probeUrls, DEFAULT_LOCAL_PROBE_URLS.join(",")),

    /** Quiet time after the last `brief.updated` of a brief before it is re-analysed. */
    REANALYSE_DEBOUNCE: varWithDefault(timeStrSchema(1, 7 * 86_400), "30s"),
    /** Longest a stream of edits can postpone re-analysis. */
    REANALYSE_MAX_WAIT: varWithDefault(timeStrSchema(1, 7 * 86_400), "10m"),
  })
  .superRefine((env, ctx) => {
    const fail = (variable: string, message: string) => ctx.addIssue({ code: "custom", path: [variable], message });

    if (env.AI_PROVIDER === "openai" && !providerApiKey("openai", env.AI_API_KEY, env)) {
      fail("OPENAI_API_KEY", "AI_PROVIDER=openai needs a key: set OPENAI_API_KEY (or AI_API_KEY) from platform.openai.com/api-keys");
    }
    if (env.AI_PROVIDER === "anthropic" && !providerApiKey("anthropic", env.AI_API_KEY, env)) {
      fail("ANTHROPIC_API_KEY", "AI_PROVIDER=anthropic needs a key: set ANTHROPIC_API_KEY (or AI_API_KEY) from console.anthropic.com");
    }
    if (env.AI_PROVIDER === "openai-compatible" && !env.AI_BASE_URL) {
      fail("AI_BASE_URL", "AI_PROVIDER=openai-compatible needs the server's base URL, e.g. http://127.0.0.1:11434/v1 (Ollama)");
    }
    const compatible = env.AI_PROVIDER === "openai-compatible" || (env.AI_PROVIDER === "auto" && env.AI_BASE_URL && !env.OPENAI_API_KEY && !env.ANTHROPIC_API_KEY);
    if (compatible && env.AI_BASE_URL && !env.AI_MODEL && !isLoopbackUrl(env.AI_BASE_URL)) {
      fail("AI_MODEL", `set the model to use at ${env.AI_BASE_URL} (only a server on this machine is asked for its model list)`);
    }
    if (env.AI_PROVIDER === "auto" && !inngestMode(env).isDev) {
      fail(
        "AI_PROVIDER",
        "in cloud mode choose the provider explicitly (openai, anthropic, openai-compatible or offline); `auto` is for local development only",
      );
    }

    const fallback = env.AI_FALLBACK_PROVIDER;
    if (fallback === "openai" && !providerApiKey("openai", env.AI_FALLBACK_API_KEY, env)) {
      fail("AI_FALLBACK_API_KEY", "AI_FALLBACK_PROVIDER=openai needs a key: set AI_FALLBACK_API_KEY or OPENAI_API_KEY");
    }
    if (fallback === "anthropic" && !providerApiKey("anthropic", env.AI_FALLBACK_API_KEY, env)) {
      fail("AI_FALLBACK_API_KEY", "AI_FALLBACK_PROVIDER=anthropic needs a key: set AI_FALLBACK_API_KEY or ANTHROPIC_API_KEY");
    }
    if (fallback === "openai-compatible" && (!env.AI_FALLBACK_BASE_URL || !env.AI_FALLBACK_MODEL)) {
      fail("AI_FALLBACK_BASE_URL", "AI_FALLBACK_PROVIDER=openai-compatible needs AI_FALLBACK_BASE_URL and AI_FALLBACK_MODEL");
    }
    if ((fallback === undefined || fallback === "none") && (env.AI_FALLBACK_BASE_URL || env.AI_FALLBACK_API_KEY) && !env.AI_FALLBACK_MODEL) {
      fail("AI_FALLBACK_MODEL", "a fallback base URL or key is set but no fallback model: set AI_FALLBACK_MODEL (and AI_FALLBACK_PROVIDER)");
    }
  });

/** The ai app's configuration: the only place it reads process.env. Validated at start-up. */
export const env = parseEnv("ai", aiEnvSchema, process.env);
export type Env = typeof env;
