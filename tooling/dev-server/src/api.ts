/**
 * A small client for the Dev Server's HTTP API, for tests and scripts: send events, list
 * registered functions, and follow runs until they finish.
 */

export type RunStatus = "Running" | "Completed" | "Failed" | "Cancelled" | "Scheduled" | "Skipped" | "Queued";

export interface FunctionRun {
  run_id: string;
  status: RunStatus;
  event_id?: string;
  function_id?: string;
  output?: unknown;
  run_started_at?: string;
  ended_at?: string | null;
  [key: string]: unknown;
}

export interface RegisteredFunction {
  slug: string;
  name: string;
  [key: string]: unknown;
}

export interface RegisteredApp {
  id: string;
  name: string;
  url: string;
  connected: boolean;
  error: string | null;
  functionCount: number;
}

export interface SendableEvent {
  name: string;
  data?: unknown;
  id?: string;
  ts?: number;
}

const FINISHED: RunStatus[] = ["Completed", "Failed", "Cancelled", "Skipped"];
let bust = 0;

/** The v1 run endpoints are cached for a few seconds per URL: make every poll a new URL. */
const fresh = (url: string) => `${url}${url.includes("?") ? "&" : "?"}_=${Date.now()}-${++bust}`;

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

export function devServerApi(baseUrl: string) {
  const api = {
    baseUrl,

    /** Sends events through the event API (any key works on a Dev Server). Returns their ids. */
    async send(events: SendableEvent | SendableEvent[]): Promise<string[]> {
      const res = await fetch(`${baseUrl}/e/test-key`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(events),
      });
      const body = await json<{ ids: string[]; status: number; error?: string }>(res, "send event");
      return body.ids;
    },

    /** Functions the server knows, from every registered app (`slug` = `<appId>-<functionId>`). */
    async functions(): Promise<RegisteredFunction[]> {
      const body = await json<{ functions?: RegisteredFunction[] }>(await fetch(fresh(`${baseUrl}/dev`)), "list functions");
      return body.functions ?? [];
    },

    /** Apps and their registration state, from the Dev Server's GraphQL API. */
    async apps(): Promise<RegisteredApp[]> {
      const data = await api.graphql<{ apps: RegisteredApp[] }>("{ apps { id name url connected error functionCount } }");
      return data.apps;
    },

    async runsForEvent(eventId: string): Promise<FunctionRun[]> {
      const body = await json<{ data: FunctionRun[] | null }>(await fetch(fresh(`${baseUrl}/v1/events/${eventId}/runs`)), `runs of event ${eventId}`);
      return body.data ?? [];
    },

    async run(runId: string): Promise<FunctionRun> {
      const body = await json<{ data: FunctionRun }>(await fetch(fresh(`${baseUrl}/v1/runs/${runId}`)), `run ${runId}`);
      return body.data;
    },

    /** Runs a GraphQL query against the Dev Server (not cached, unlike the v1 REST routes). */
    async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const body = await json<{ data?: T; errors?: Array<{ message: string }> }>(
        await fetch(`${baseUrl}/v0/gql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query, variables }),
        }),
        "graphql",
      );
      if (body.errors?.length) throw new Error(`graphql: ${body.errors.map((e) => e.message).join("; ")}`);
      return body.data as T;
    },

    /**
     * A finished run's result as the server stored it: `data` is the function's return value
     * (parsed JSON), `error` its final error. The REST run record leaves `output` empty on
     * this server version, so this reads the run's trace instead.
     */
    async output(runId: string): Promise<{ data?: unknown; error?: { name?: string; message: string } }> {
      const { runTrace } = await api.graphql<{ runTrace: { outputID: string | null } }>(
        "query($id: String!) { runTrace(runID: $id) { outputID } }",
        { id: runId },
      );
      if (!runTrace.outputID) return {};
      const { runTraceSpanOutputByID: out } = await api.graphql<{
        runTraceSpanOutputByID: { data: string | null; error: { name?: string; message: string } | null };
      }>("query($id: String!) { runTraceSpanOutputByID(outputID: $id) { data error { name message } } }", { id: runTrace.outputID });
      return {
        ...(out.data != null ? { data: JSON.parse(out.data) as unknown } : {}),
        ...(out.error ? { error: out.error } : {}),
      };
    },

    async cancel(runId: string): Promise<void> {
      const res = await fetch(`${baseUrl}/v1/runs/${runId}`, { method: "DELETE" });
      if (!res.ok) throw new Error(`cancel run ${runId}: HTTP ${res.status} ${await res.text()}`);
    },

    /**
     * Polls until `count` runs of the event exist and all have finished (or match `until`).
     * On time-out the error says what was seen, so a failing test explains itself.
     */
    async waitForRuns(
      eventId: string,
      opts: { count?: number; timeoutMs?: number; until?: (runs: FunctionRun[]) => boolean } = {},
    ): Promise<FunctionRun[]> {
      const count = opts.count ?? 1;
      const done = opts.until ?? ((runs) => runs.length >= count && runs.every((r) => FINISHED.includes(r.status)));
      const until = Date.now() + (opts.timeoutMs ?? 60_000);
      let runs: FunctionRun[] = [];
      while (Date.now() < until) {
        runs = await api.runsForEvent(eventId);
        if (done(runs)) return runs;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(
        `Timed out waiting for runs of event ${eventId}; last seen: ${JSON.stringify(runs.map((r) => ({ id: r.run_id, status: r.status })))}`,
      );
    },

    /** Polls one run until it has finished (or reached `status`). */
    async waitForRun(runId: string, opts: { status?: RunStatus; timeoutMs?: number } = {}): Promise<FunctionRun> {
      const until = Date.now() + (opts.timeoutMs ?? 60_000);
      let run: FunctionRun | undefined;
      while (Date.now() < until) {
        run = await api.run(runId);
        if (opts.status ? run.status === opts.status : FINISHED.includes(run.status)) return run;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`Timed out waiting for run ${runId} (${opts.status ?? "finished"}); last status: ${run?.status ?? "none"}`);
    },

    /** Waits until every given app URL is registered with at least one function. */
    async waitForApps(appIds: string[], timeoutMs = 60_000): Promise<void> {
      const until = Date.now() + timeoutMs;
      let seen: string[] = [];
      while (Date.now() < until) {
        const fns = await api.functions().catch(() => []);
        seen = [...new Set(fns.map((f) => f.slug))];
        if (appIds.every((app) => seen.some((slug) => slug.startsWith(`${app}-`)))) return;
        await new Promise((r) => setTimeout(r, 300));
      }
      throw new Error(`Timed out waiting for apps ${appIds.join(", ")} to register; functions seen: ${seen.join(", ") || "none"}`);
    },
  };
  return api;
}
export type DevServerApi = ReturnType<typeof devServerApi>;
