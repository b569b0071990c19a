/**
 * A small client for the Dev Server's HTTP API, for tests and scripts: send events, list what is
 * registered, and follow runs until they end.
 *
 * Two facts about this server version shape it:
 * - the v1 REST run records are cached per URL for a few seconds (every poll here uses a new
 *   URL), and their `status` can say "Completed" while a run still waits (on an invoke, a
 *   sleep, an event) and their `output` is empty. So run status and output are read from the
 *   run's trace over GraphQL, which is neither cached nor early.
 * - GraphQL statuses are upper-case (`RunStatus` below).
 */

export type RunStatus = "QUEUED" | "RUNNING" | "WAITING" | "COMPLETED" | "FAILED" | "CANCELLED" | "SKIPPED";
const ENDED_STATUSES: readonly RunStatus[] = ["COMPLETED", "FAILED", "CANCELLED", "SKIPPED"];

/** A run as the v1 REST API lists it. Use `status()`/`waitForRun()` for its real status. */
export interface FunctionRun {
  run_id: string;
  event_id?: string;
  function_id?: string;
  run_started_at?: string;
  [key: string]: unknown;
}

/** A run once it has ended, with its status from the trace. */
export interface EndedRun {
  run_id: string;
  status: RunStatus;
}

export interface RunOutput {
  /** The function's return value (parsed JSON), when it completed. */
  data?: unknown;
  /** The final error, when it failed. */
  error?: { name?: string; message: string };
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
  /** The contract version, for functions whose triggers tell versions apart (`event.v`). */
  v?: string;
}

export interface StoredEvent {
  /** The producer's id (the dedupe id), or Inngest's own when the producer gave none. */
  id: string;
  /** Inngest's id of this copy of the event: what `runsForEvent` takes. */
  internal_id?: string;
  name: string;
  data: Record<string, unknown>;
  ts?: number;
}

let bust = 0;
/** Makes every poll of a cached v1 route a new URL. */
const fresh = (url: string) => `${url}${url.includes("?") ? "&" : "?"}_=${Date.now()}-${++bust}`;

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/**
 * Polls `check` until it returns something truthy, and returns that. On time-out the error
 * names `what` and the last error `check` threw, so a failing test explains itself.
 */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ""}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Keys for a self-hosted server (`inngest start`), which checks them: the event key for ingest,
 * the signing key (hex, as the server was given it) as the Bearer token of its REST API. A Dev
 * Server needs neither.
 */
export interface EngineKeys {
  eventKey?: string;
  signingKey?: string;
}

export function devServerApi(baseUrl: string, keys: EngineKeys = {}) {
  // A plain fetch with the REST API's Bearer token when the server wants one.
  const fetch = (url: string, init: RequestInit = {}) =>
    globalThis.fetch(url, keys.signingKey ? { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${keys.signingKey}` } } : init);
  const api = {
    baseUrl,

    /** Sends events through the event API (any key works on a Dev Server). Returns their ids. */
    async send(events: SendableEvent | SendableEvent[]): Promise<string[]> {
      const res = await fetch(`${baseUrl}/e/${encodeURIComponent(keys.eventKey ?? "test-key")}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(events),
      });
      return (await json<{ ids: string[] }>(res, "send event")).ids;
    },

    /** Runs a GraphQL query (not cached, unlike the v1 REST routes). */
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

    /** Functions the server knows, from every registered app (`slug` = `<appId>-<functionId>`). */
    async functions(): Promise<RegisteredFunction[]> {
      const res = await fetch(fresh(`${baseUrl}/dev`));
      if (res.status === 404) {
        // A self-hosted server has no /dev route: the same list over GraphQL.
        const { functions } = await api.graphql<{ functions: RegisteredFunction[] | null }>("{ functions { slug name } }");
        return functions ?? [];
      }
      const body = await json<{ functions?: RegisteredFunction[] }>(res, "list functions");
      return body.functions ?? [];
    },

    /** Apps and their registration state. */
    async apps(): Promise<RegisteredApp[]> {
      return (await api.graphql<{ apps: RegisteredApp[] }>("{ apps { id name url connected error functionCount } }")).apps;
    },

    /** The runs an event started so far (empty until they are scheduled). */
    async runsForEvent(eventId: string): Promise<FunctionRun[]> {
      const body = await json<{ data: FunctionRun[] | null }>(await fetch(fresh(`${baseUrl}/v1/events/${eventId}/runs`)), `runs of event ${eventId}`);
      return body.data ?? [];
    },

    /** Ids of the runs of one function (by slug) queued since `since`, newest first. */
    async runIdsOf(slug: string, since: Date): Promise<string[]> {
      const { runs } = await api.graphql<{ runs: { edges: Array<{ node: { id: string; function: { slug: string } } }> } }>(
        "query($from: Time!) { runs(first: 100, orderBy: [{ field: QUEUED_AT, direction: DESC }], filter: { from: $from }) { edges { node { id function { slug } } } } }",
        { from: since.toISOString() },
      );
      return runs.edges.filter((e) => e.node.function.slug === slug).map((e) => e.node.id);
    },

    /** The slug (`<appId>-<functionId>`) of the function a run belongs to. */
    async functionOf(runId: string): Promise<string> {
      const { run } = await api.graphql<{ run: { function: { slug: string } } }>("query($id: String!) { run(runID: $id) { function { slug } } }", {
        id: runId,
      });
      return run.function.slug;
    },

    /** A run's current status, from its trace. */
    async status(runId: string): Promise<RunStatus> {
      const { runTrace } = await api.graphql<{ runTrace: { status: RunStatus } }>("query($id: String!) { runTrace(runID: $id) { status } }", {
        id: runId,
      });
      return runTrace.status;
    },

    /** The steps of a run that wait right now (a sleep, a waitForEvent, an invoke), by name. */
    async waitingSteps(runId: string): Promise<string[]> {
      const { runTrace } = await api.graphql<{ runTrace: { childrenSpans: Array<{ name: string; status: string }> } }>(
        "query($id: String!) { runTrace(runID: $id) { childrenSpans { name status } } }",
        { id: runId },
      );
      return runTrace.childrenSpans.filter((s) => s.status === "WAITING").map((s) => s.name);
    },

    /** A run's stored result: `data` (return value) or `error`; empty while it has none. */
    async output(runId: string): Promise<RunOutput> {
      const { runTrace } = await api.graphql<{ runTrace: { outputID: string | null } }>("query($id: String!) { runTrace(runID: $id) { outputID } }", {
        id: runId,
      });
      return runTrace.outputID ? outputById(runTrace.outputID) : {};
    },

    /** What one step stored (by its name in the trace, usually the step id), as parsed JSON. */
    async stepOutput(runId: string, stepName: string): Promise<RunOutput> {
      const { runTrace } = await api.graphql<{ runTrace: { childrenSpans: Array<{ name: string; outputID: string | null }> } }>(
        "query($id: String!) { runTrace(runID: $id) { childrenSpans { name outputID } } }",
        { id: runId },
      );
      const span = runTrace.childrenSpans.find((s) => s.name === stepName);
      if (!span) throw new Error(`run ${runId} has no step "${stepName}" (steps: ${runTrace.childrenSpans.map((s) => s.name).join(", ")})`);
      return span.outputID ? outputById(span.outputID) : {};
    },

    /**
     * Everything the server stored about one run, as one JSON value: the triggering events, every
     * span of the trace at any depth (step ops, step info, metadata such as AI request details,
     * OTel attributes, response info) and every span output with its stored input, data and error.
     * For tests that must prove what did, or did not, reach Inngest.
     */
    async runRecord(runId: string): Promise<unknown> {
      const span = `name status stepOp stepID stepType outputID attempts
        metadata { scope kind values } response { statusCode headers } userlandSpan { spanName spanAttrs resourceAttrs }
        stepInfo { __typename ... on InvokeStepInfo { triggeringEventID functionID returnEventID runID }
          ... on WaitForEventStepInfo { eventName expression foundEventID } ... on RunStepInfo { type } ... on SleepStepInfo { sleepUntil } }`;
      let nested = span;
      for (let depth = 0; depth < 4; depth++) nested = `${span} childrenSpans { ${nested} }`;
      const record = await api.graphql<{ runTrace: unknown; runTrigger: unknown }>(
        `query($id: String!) { runTrace(runID: $id) { ${nested} } runTrigger(runID: $id) { eventName IDs payloads } }`,
        { id: runId },
      );
      const outputIds: string[] = [];
      const walk = (node: unknown) => {
        if (!node || typeof node !== "object") return;
        const { outputID, childrenSpans } = node as { outputID?: string | null; childrenSpans?: unknown[] };
        if (outputID) outputIds.push(outputID);
        for (const child of childrenSpans ?? []) walk(child);
      };
      walk(record.runTrace);
      const outputs = await Promise.all(
        outputIds.map(async (id) => {
          const { runTraceSpanOutputByID } = await api.graphql<{ runTraceSpanOutputByID: unknown }>(
            "query($id: String!) { runTraceSpanOutputByID(outputID: $id) { input data error { name message stack } } }",
            { id },
          );
          return runTraceSpanOutputByID;
        }),
      );
      // The older run history (one item per step attempt) and each item's stored output.
      const { functionRun } = await api.graphql<{ functionRun: { output: unknown; history: Array<{ id: string }> } | null }>(
        `query($id: ID!) { functionRun(query: { workspaceId: "local", functionRunId: $id }) {
          output history { id type stepName stepType url attempt result { errorCode sizeBytes } } } }`,
        { id: runId },
      ).catch(() => ({ functionRun: null }));
      const historyOutputs = await Promise.all(
        (functionRun?.history ?? []).map(async ({ id }) => {
          const { functionRun: item } = await api.graphql<{ functionRun: { historyItemOutput: unknown } | null }>(
            `query($run: ID!, $item: ULID!) { functionRun(query: { workspaceId: "local", functionRunId: $run }) { historyItemOutput(id: $item) } }`,
            { run: runId, item: id },
          );
          return item?.historyItemOutput;
        }),
      );
      return { ...record, outputs, history: functionRun, historyOutputs };
    },

    async cancel(runId: string): Promise<void> {
      const res = await fetch(`${baseUrl}/v1/runs/${runId}`, { method: "DELETE" });
      if (!res.ok) throw new Error(`cancel run ${runId}: HTTP ${res.status} ${await res.text()}`);
    },

    /** Events of one name the server received, newest first. */
    async events(name: string): Promise<StoredEvent[]> {
      const body = await json<{ data: Array<StoredEvent & { internal_id?: string }> | null }>(
        await fetch(fresh(`${baseUrl}/v1/events?name=${encodeURIComponent(name)}&limit=100`)),
        `events named ${name}`,
      );
      return (body.data ?? []).map((e) => ({ ...e, id: e.id ?? e.internal_id ?? "" }));
    },

    /**
     * Events of one name that match `where`, once at least `count` (default 1) are stored. Events
     * a function sends from a step are written asynchronously, so a single read right after the
     * run ends can miss them.
     */
    async waitForEvents(
      name: string,
      where: (event: StoredEvent) => boolean,
      opts: { count?: number; timeoutMs?: number } = {},
    ): Promise<StoredEvent[]> {
      const count = opts.count ?? 1;
      return eventually(
        `${count} stored ${name} event(s) matching the test's filter`,
        async () => {
          const found = (await api.events(name)).filter(where);
          return found.length >= count && found;
        },
        opts.timeoutMs ?? 15_000,
      );
    },

    /** One event as stored (waits for it: events sent from a step are written asynchronously). */
    async event(eventId: string, timeoutMs = 15_000): Promise<StoredEvent> {
      return eventually(
        `event ${eventId} to be stored`,
        async () => (await json<{ data: StoredEvent | null }>(await fetch(fresh(`${baseUrl}/v1/events/${eventId}`)), `event ${eventId}`)).data,
        timeoutMs,
      );
    },

    /** Waits until the run has ended (or reached `status`), reading its trace. */
    async waitForRun(runId: string, opts: { status?: RunStatus; timeoutMs?: number } = {}): Promise<EndedRun> {
      const status = await eventually(
        `run ${runId} to ${opts.status ? `reach ${opts.status}` : "end"}`,
        async () => {
          const current = await api.status(runId);
          return (opts.status ? current === opts.status : ENDED_STATUSES.includes(current)) && current;
        },
        opts.timeoutMs,
      );
      return { run_id: runId, status };
    },

    /** Waits until the event has started `count` runs (default 1) and all of them have ended. */
    async waitForRuns(eventId: string, opts: { count?: number; timeoutMs?: number } = {}): Promise<EndedRun[]> {
      const count = opts.count ?? 1;
      const started = Date.now();
      const timeoutMs = opts.timeoutMs ?? 60_000;
      const runs = await eventually(
        `${count} run(s) of event ${eventId}`,
        async () => {
          const listed = await api.runsForEvent(eventId);
          return listed.length >= count && listed;
        },
        timeoutMs,
      );
      return Promise.all(runs.map((r) => api.waitForRun(r.run_id, { timeoutMs: Math.max(1000, timeoutMs - (Date.now() - started)) })));
    },

    /**
     * Waits until every given app id has at least one function registered. With `resync` (app id →
     * serve URL), an app still missing after `resyncEveryMs` is asked to register again by a PUT of
     * its endpoint, as the server's own ping does: that ping gives up after 10 s and is retried
     * only every few seconds, one app after another, so a `next dev` busy compiling beside other
     * suites can miss it again and again (the likely cause of a CI run's failed 60 s wait). Our
     * PUT waits as long as the app needs. On time-out the message names what the server saw and
     * each app's sync error.
     */
    async waitForApps(
      appIds: string[],
      opts: number | { timeoutMs?: number; resync?: Record<string, string>; resyncEveryMs?: number } = {},
    ): Promise<void> {
      const { timeoutMs = 60_000, resync = {}, resyncEveryMs = 15_000 } = typeof opts === "number" ? { timeoutMs: opts } : opts;
      let seen: string[] = [];
      const missing = () => appIds.filter((app) => !seen.some((slug) => slug.startsWith(`${app}-`)));
      const resyncing = new Set<string>();
      let lastResync = Date.now();
      await eventually(
        `apps ${appIds.join(", ")} to register`,
        async () => {
          seen = [...new Set((await api.functions()).map((f) => f.slug))];
          if (missing().length === 0) return true;
          if (Date.now() - lastResync >= resyncEveryMs) {
            lastResync = Date.now();
            for (const app of missing()) {
              const url = resync[app];
              if (!url || resyncing.has(app)) continue;
              resyncing.add(app);
              fetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ url }) })
                .then((res) => res.text())
                .catch(() => undefined) // the next round tries again; the time-out message says what is missing
                .finally(() => resyncing.delete(app));
            }
          }
          return false;
        },
        timeoutMs,
      ).catch(async (error: unknown) => {
        const errors = await api.apps().then(
          (apps) => apps.filter((a) => a.error).map((a) => `${a.name || a.url}: ${a.error}`),
          () => [],
        );
        throw new Error(
          `${(error as Error).message}; functions seen: ${seen.join(", ") || "none"}; missing: ${missing().join(", ")}` +
            (errors.length ? `; sync errors the server reports: ${errors.join("; ")}` : ""),
          { cause: error },
        );
      });
    },
  };

  /** A span's stored output (a run's or a step's), parsed. */
  async function outputById(outputId: string): Promise<RunOutput> {
    const { runTraceSpanOutputByID: out } = await api.graphql<{
      runTraceSpanOutputByID: { data: string | null; error: { name?: string; message: string } | null };
    }>("query($id: String!) { runTraceSpanOutputByID(outputID: $id) { data error { name message } } }", { id: outputId });
    return {
      ...(out.data ? { data: JSON.parse(out.data) as unknown } : {}),
      ...(out.error ? { error: out.error } : {}),
    };
  }

  return api;
}
export type DevServerApi = ReturnType<typeof devServerApi>;
