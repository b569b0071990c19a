import { z } from "zod";
import { blankAsUnset, deploymentSignal, envFlag, inngestMode, LOCAL_OUTBOX_TOKEN, optionalVar, parseEnv, secret, studioEnvSchema, varWithDefault } from "@studio/middleware";
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

    /**
     * `infer`: Inngest makes the model call (step.ai.infer) and stores prompt and answer in plaintext.
     * `wrap`: this app makes it (step.ai.wrap); the answer is stored encrypted. Default: `infer` in
     * dev mode on a developer machine, `wrap` in cloud mode and in a deployed app (see aiTransport).
     */
    AI_TRANSPORT: optionalVar(z.enum(["infer", "wrap"])),
    /** `1` accepts `infer` where real data flows (cloud mode, a deployed app): the explicit plaintext opt-in. */
    AI_INFER_PLAINTEXT: optionalVar(envFlag),
    /** Model-calling runs per period and provider, e.g. "20/1m"; "off" for none. */
    AI_THROTTLE: varWithDefault(throttleSettingSchema, "20/1m"),
    /** Most tokens one answer may use. */
    AI_MAX_TOKENS: z.preprocess(blankAsUnset, z.coerce.number().int().min(64).max(32_000).default(1024)),
    /** Send the asset image to the model when tagging. Default: on for openai/anthropic, off otherwise. */
    AI_VISION: optionalVar(envFlag),
    /** Comma-separated loopback base URLs `auto` probes for a local model server, or "none". */
    AI_LOCAL_PROBE_URLS: varWithDefault(probeUrls, DEFAULT_LOCAL_PROBE_URLS.join(",")),

    /**
     * The team channel (a Slack-style incoming webhook taking `{ text }`) that failure alerts go to. Dev default: the web app's outbox.
     * A Slack incoming-webhook URL is a credential: declared secret, and only ever called from this process.
     */
    WEBHOOK_URL: secret(optionalVar(z.url({ protocol: /^https?$/ }))),
    WEBHOOK_TOKEN: apiKey(),

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
    if (env.AI_TRANSPORT === "infer" && protectedMode(env) && !env.AI_INFER_PLAINTEXT) {
      fail(
        "AI_TRANSPORT",
        `\`infer\` here (${protectedMode(env)}) would hand Inngest the client's brief text, the model's answer and the provider key ` +
          "in plaintext: Inngest makes the call and stores request and response in the run's history, where encryption cannot reach. " +
          "Use `wrap` (the default here: the app makes the call, the answer is stored encrypted), or set AI_INFER_PLAINTEXT=1 to accept that (docs/ai.md)",
      );
    }
    if (env.AI_PROVIDER === "auto" && !inngestMode(env).isDev) {
      fail(
        "AI_PROVIDER",
        "in cloud mode choose the provider explicitly (openai, anthropic, openai-compatible or offline); `auto` is for local development only",
      );
    }

    if (!env.WEBHOOK_URL && !inngestMode(env).isDev) {
      fail("WEBHOOK_URL", "cloud mode needs the team channel for failure alerts: set WEBHOOK_URL to the same incoming webhook as the worker's");
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

/** Where real data flows, as a reason ("cloud mode", "deployed: NODE_ENV=production"), or undefined on a developer machine. */
function protectedMode(env: Parameters<typeof inngestMode>[0] & Parameters<typeof deploymentSignal>[0]): string | undefined {
  if (!inngestMode(env).isDev) return "cloud mode";
  const deployed = deploymentSignal(env);
  return deployed ? `a deployed app: ${deployed}` : undefined;
}

/**
 * The transport actually used: the one set, or `infer` on a developer machine (the Dev Server
 * makes and shows the call; nothing leaves the machine) and `wrap` where real data flows.
 */
export function aiTransport(env: z.output<typeof aiEnvSchema>): "infer" | "wrap" {
  return env.AI_TRANSPORT ?? (protectedMode(env) ? "wrap" : "infer");
}

/** Where failure alerts go when WEBHOOK_URL is unset in dev mode: the web app's outbox, as for the worker. */
const LOCAL_TEAM_WEBHOOK = "http://127.0.0.1:3000/api/outbox/webhook";

/** Validates an environment and settles the transport and the team channel (for env below and for tests). */
export function readAiEnv(source: Record<string, string | undefined>) {
  const parsed = parseEnv("ai", aiEnvSchema, source);
  return {
    ...parsed,
    AI_TRANSPORT: aiTransport(parsed),
    WEBHOOK_URL: parsed.WEBHOOK_URL ?? LOCAL_TEAM_WEBHOOK,
    // The local outbox takes only requests with an API token: the public dev one, on this machine only.
    WEBHOOK_TOKEN: parsed.WEBHOOK_TOKEN ?? (parsed.WEBHOOK_URL ? undefined : LOCAL_OUTBOX_TOKEN),
  };
}

/** The ai app's configuration: the only place it reads process.env. Validated at start-up. */
export const env = readAiEnv(process.env);
export type Env = typeof env;
