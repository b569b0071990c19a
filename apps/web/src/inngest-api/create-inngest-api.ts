import { type InngestApiConfig } from "./inngest-api-config.ts";
import { InngestApiError } from "./inngest-api-error.ts";
import { type RunOutput, type StoredEvent, type StoredFunction, type StoredRun } from "./types.ts";

let bust = 0;

/**
 * The web app's read-only window on Inngest: events, the runs they started, run results and the
 * registered functions. The same calls work against the Dev Server (no auth) and Inngest Cloud
 * (signing key as Bearer token); only a run's result is read differently (see runOutput).
 */
export function createInngestApi(config: InngestApiConfig, fetchImpl: typeof fetch = fetch) {
  const headers: Record<string, string> = { accept: "application/json" };
  if (config.signingKey) headers.authorization = `Bearer ${config.signingKey}`;
  if (config.inngestEnv) headers["x-inngest-env"] = config.inngestEnv;

  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    // The v1 routes are cached per URL for several seconds: a changing parameter keeps reads fresh.
    const url = `${config.baseUrl}${path}${path.includes("?") ? "&" : "?"}_=${Date.now()}-${++bust}`;
    let res: Response;
    try {
      res = await fetchImpl(url, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) }, cache: "no-store" });
    } catch (cause) {
      throw new InngestApiError(
        `Could not reach the Inngest API at ${config.baseUrl} (${cause instanceof Error ? cause.message : String(cause)}). ` +
          (config.isDev ? "Is the Dev Server running? `pnpm dev` starts it." : "Check INNGEST_BASE_URL and the network."),
        undefined,
        { cause },
      );
    }
    const text = await res.text();
    if (!res.ok) {
      const hint = res.status === 401 ? " Check INNGEST_SIGNING_KEY (and INNGEST_ENV for a branch environment)." : "";
      throw new InngestApiError(`Inngest API ${path.split("?")[0]} answered ${res.status}: ${text.slice(0, 300)}.${hint}`, res.status);
    }
    return JSON.parse(text) as T;
  }

  const api = {
    config,

    /**
     * Newest first, at most 50 per call. Without `receivedAfter` the API looks back one hour only;
     * `cursor` (the last page's oldest `internal_id`) gives the next, older page.
     */
    async listEvents(opts: { name?: string; limit?: number; receivedAfter?: Date; receivedBefore?: Date; cursor?: string } = {}): Promise<StoredEvent[]> {
      const params = new URLSearchParams();
      if (opts.name) params.set("name", opts.name);
      params.set("limit", String(opts.limit ?? 50));
      if (opts.receivedAfter) params.set("received_after", opts.receivedAfter.toISOString());
      if (opts.receivedBefore) params.set("received_before", opts.receivedBefore.toISOString());
      if (opts.cursor) params.set("cursor", opts.cursor);
      const body = await call<{ data: StoredEvent[] | null }>(`/v1/events?${params.toString()}`);
      return body.data ?? [];
    },

    async eventRuns(internalId: string): Promise<StoredRun[]> {
      const body = await call<{ data: StoredRun[] | null }>(`/v1/events/${encodeURIComponent(internalId)}/runs`);
      return body.data ?? [];
    },

    async run(runId: string): Promise<StoredRun> {
      return (await call<{ data: StoredRun }>(`/v1/runs/${encodeURIComponent(runId)}`)).data;
    },

    /** An app's functions; an app that never registered has none (not an error). */
    async appFunctions(appId: string): Promise<StoredFunction[]> {
      try {
        const body = await call<StoredFunction[] | { data?: StoredFunction[] } | null>(`/v1/apps/${encodeURIComponent(appId)}/functions`);
        return Array.isArray(body) ? body : (body?.data ?? []);
      } catch (error) {
        if (error instanceof InngestApiError && (error.status === 404 || error.status === 401)) return [];
        throw error;
      }
    },

    /**
     * A finished run's result, plus (Dev Server only) what each `step.invoke` in it returned.
     * Inngest Cloud returns the result on the run record; the Dev Server leaves that field empty
     * and keeps results in the run's trace, which only its GraphQL API exposes.
     */
    async runOutput(run: StoredRun): Promise<RunOutput> {
      if (!config.isDev) return run.output === undefined || run.output === null || run.output === "" ? {} : { data: run.output };
      const { runTrace } = await graphql<{
        runTrace: { outputID: string | null; childrenSpans: Array<{ name: string; stepOp: string | null; outputID: string | null }> | null } | null;
      }>("query($id: String!) { runTrace(runID: $id) { outputID childrenSpans { name stepOp outputID } } }", { id: run.run_id });
      if (!runTrace) return {};
      const read = async (outputID: string) => {
        const { runTraceSpanOutputByID: out } = await graphql<{
          runTraceSpanOutputByID: { data: string | null; error: { name?: string; message: string } | null };
        }>("query($id: String!) { runTraceSpanOutputByID(outputID: $id) { data error { name message } } }", { id: outputID });
        return out;
      };
      const invokes = (runTrace.childrenSpans ?? []).filter((span) => span.stepOp === "INVOKE" && span.outputID);
      const [out, ...invoked] = await Promise.all([
        runTrace.outputID ? read(runTrace.outputID) : Promise.resolve(undefined),
        ...invokes.map((span) => read(span.outputID!)),
      ]);
      return {
        ...(out?.data != null ? { data: parseMaybeJson(out.data) } : {}),
        ...(out?.error ? { error: out.error } : {}),
        ...(invoked.length
          ? { invoked: invoked.flatMap((o, i) => (o?.data != null ? [{ step: invokes[i]!.name, data: parseMaybeJson(o.data) }] : [])) }
          : {}),
      };
    },
  };

  async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const body = await call<{ data?: T; errors?: Array<{ message: string }> }>("/v0/gql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    if (body.errors?.length) throw new InngestApiError(`Dev Server GraphQL: ${body.errors.map((e) => e.message).join("; ")}`);
    return body.data as T;
  }

  return api;
}
export type InngestApi = ReturnType<typeof createInngestApi>;

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
