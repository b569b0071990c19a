import { isLoopbackUrl } from "../config/loopback-url.ts";

export interface LocalServer {
  baseUrl: string;
  /** Model ids the server lists at GET /models, in its order. */
  models: string[];
}

/**
 * Asks a model server on this machine which models it serves (GET <base>/models, the OpenAI
 * list format that Ollama, LM Studio and vLLM all answer). Resolves undefined when nothing
 * answers in time or the answer is not a model list. Refuses any URL off this machine, so a
 * misconfiguration can never make start-up call out to the network.
 */
export async function probeLocalServer(baseUrl: string, timeoutMs = 500): Promise<LocalServer | undefined> {
  if (!isLoopbackUrl(baseUrl)) throw new Error(`probeLocalServer: ${baseUrl} is not a loopback URL; only this machine is probed`);
  const url = `${baseUrl.replace(/\/+$/, "")}/models`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { data?: Array<{ id?: unknown }> };
    const models = (body.data ?? []).map((m) => m.id).filter((id): id is string => typeof id === "string" && id.length > 0);
    return { baseUrl, models };
  } catch {
    return undefined;
  }
}
