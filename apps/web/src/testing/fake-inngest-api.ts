import { createServer, type IncomingHttpHeaders } from "node:http";
import { type AddressInfo } from "node:net";
import { type StoredEvent, type StoredFunction, type StoredRun } from "../inngest-api/types.ts";

export type FakeInngestState = {
  events: StoredEvent[];
  runsByEvent: Record<string, StoredRun[]>;
  functionsByApp: Record<string, StoredFunction[]>;
  /** What `GET /v1/runs/{id}` answers, when it differs from the per-event list. */
  runRecords: Record<string, StoredRun>;
  /** Dev Server style: outputs live in run traces, read through GraphQL. `<runId>/invoke` is an invoke step's output. */
  traceOutputs: Record<string, { data: string | null; error: { name?: string; message: string } | null }>;
};

export type FakeInngestApi = {
  url: string;
  state: FakeInngestState;
  requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders }>;
  stop: () => Promise<void>;
};

/**
 * A local HTTP server answering the parts of the Inngest REST API (and the Dev Server's GraphQL
 * run-output queries) that the web app reads, from a state the test controls.
 */
export async function startFakeInngestApi(state: Partial<FakeInngestState> = {}): Promise<FakeInngestApi> {
  const full: FakeInngestState = { events: [], runsByEvent: {}, functionsByApp: {}, runRecords: {}, traceOutputs: {}, ...state };
  const requests: FakeInngestApi["requests"] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      requests.push({ method: req.method ?? "GET", url: req.url ?? "", headers: req.headers });
      const url = new URL(req.url ?? "/", "http://x");
      const send = (status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      let m: RegExpExecArray | null;
      if (url.pathname === "/v1/events") {
        // As the real API: newest first, one hour back unless received_after says otherwise.
        const q = url.searchParams;
        const name = q.get("name");
        const limit = Number(q.get("limit") ?? 20);
        if (limit > 51) return send(400, { error: "limit must be less than 51" });
        const after = Date.parse(q.get("received_after") ?? new Date(Date.now() - 3_600_000).toISOString());
        const before = Date.parse(q.get("received_before") ?? new Date().toISOString());
        const cursor = q.get("cursor");
        const data = [...full.events]
          .sort((a, b) => b.internal_id.localeCompare(a.internal_id))
          .filter((e) => !name || e.name === name)
          .filter((e) => Date.parse(e.received_at) >= after && Date.parse(e.received_at) <= before)
          .filter((e) => !cursor || e.internal_id < cursor)
          .slice(0, limit);
        return send(200, { data, metadata: {} });
      }
      if ((m = /^\/v1\/events\/([^/]+)\/runs$/.exec(url.pathname))) return send(200, { data: full.runsByEvent[m[1]!] ?? [] });
      if ((m = /^\/v1\/apps\/([^/]+)\/functions$/.exec(url.pathname))) {
        const fns = full.functionsByApp[decodeURIComponent(m[1]!)];
        return fns ? send(200, fns) : send(404, { error: "app not found" });
      }
      if ((m = /^\/v1\/runs\/([^/]+)$/.exec(url.pathname))) {
        const run = full.runRecords[m[1]!] ?? Object.values(full.runsByEvent).flat().find((r) => r.run_id === m![1]);
        return run ? send(200, { data: run }) : send(404, { error: "run not found" });
      }
      if (url.pathname === "/v0/gql" && req.method === "POST") {
        const { query, variables } = JSON.parse(body) as { query: string; variables: { id: string } };
        if (query.includes("runTrace(")) {
          const invoked = full.traceOutputs[`${variables.id}/invoke`] ? [{ name: "analyse-brief", stepOp: "INVOKE", outputID: `out-${variables.id}/invoke` }] : [];
          return send(200, {
            data: {
              runTrace: {
                outputID: full.traceOutputs[variables.id] ? `out-${variables.id}` : null,
                childrenSpans: [{ name: "record", stepOp: "RUN", outputID: null }, ...invoked],
              },
            },
          });
        }
        if (query.includes("runTraceSpanOutputByID")) {
          return send(200, { data: { runTraceSpanOutputByID: full.traceOutputs[variables.id.replace(/^out-/, "")] } });
        }
      }
      send(404, { error: `no route ${req.method} ${url.pathname}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state: full,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
