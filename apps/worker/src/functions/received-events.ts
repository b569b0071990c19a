import { inngestMode } from "@studio/middleware";
import { type Env } from "../env.ts";

/** An event as Inngest's REST API lists it. */
export type ReceivedEvent = { id: string; name: string; data: Record<string, unknown>; ts: number };

const CLOUD_API = "https://api.inngest.com";
const DEV_API = "http://localhost:8288";

/**
 * The events named `name` that Inngest received since `since` (at most 100, newest first), read
 * from its REST API (`GET /v1/events`): the Dev Server in dev mode, Inngest Cloud (signed with
 * the signing key) otherwise. Call it inside `step.run`.
 *
 * It answers "did this already arrive?", which a `step.waitForEvent` cannot: a wait only matches
 * events received after it was registered.
 */
export async function receivedEvents(
  env: Pick<Env, "INNGEST_DEV" | "INNGEST_BASE_URL" | "INNGEST_SIGNING_KEY" | "INNGEST_ENV" | "OUTSIDE_CALL_TIMEOUT">,
  name: string,
  since: Date,
): Promise<ReceivedEvent[]> {
  const { isDev, baseUrl } = inngestMode(env);
  const url = new URL("/v1/events", baseUrl ?? (isDev ? DEV_API : CLOUD_API));
  url.searchParams.set("name", name);
  url.searchParams.set("received_after", since.toISOString());
  url.searchParams.set("limit", "100");
  const headers: Record<string, string> = {};
  if (env.INNGEST_SIGNING_KEY) headers["authorization"] = `Bearer ${env.INNGEST_SIGNING_KEY}`;
  if (env.INNGEST_ENV) headers["x-inngest-env"] = env.INNGEST_ENV;
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(env.OUTSIDE_CALL_TIMEOUT.ms) });
  if (!response.ok) {
    // Retried by the step: the answer decides whether a decision was missed, so it must be read.
    throw new Error(`Inngest's event API answered HTTP ${response.status} for ${name} events: ${(await response.text()).slice(0, 200)}`);
  }
  const body = (await response.json()) as { data?: Array<Partial<ReceivedEvent> & { internal_id?: string }> | null };
  return (body.data ?? []).map((e) => ({
    id: e.id || e.internal_id || "",
    name: e.name ?? name,
    data: e.data ?? {},
    ts: e.ts ?? 0,
  }));
}
