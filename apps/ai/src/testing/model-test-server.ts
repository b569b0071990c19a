import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { recorded, type RecordedResponse } from "../providers/fixtures/index.ts";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** `model` of the request body, when there is one. */
  model: string | undefined;
  /** "brief" or "tags", guessed from the system prompt (for assertions). */
  task: "brief" | "tags" | undefined;
  /** When it arrived (ms since the epoch), for throttle measurements. */
  at: number;
}

export interface ModelTestServer {
  /** OpenAI-style base URL: `http://127.0.0.1:<port>/v1`. Anthropic requests go to `<baseUrl>/messages`. */
  baseUrl: string;
  requests: ReceivedRequest[];
  /** Chat requests only (POST /chat/completions and /messages). */
  chatRequests: () => ReceivedRequest[];
  /**
   * Answers for the chat requests a script matches (a model name, or a test on the request), used
   * in order; the last one repeats. Later scripts are tried first. Unmatched requests get the
   * recorded success for their wire format and task.
   */
  script: (match: string | ((req: ReceivedRequest) => boolean), responses: RecordedResponse[]) => void;
  stop: () => Promise<void>;
}

/**
 * One model test server for the calling test file: started in beforeAll, stopped in afterAll,
 * its request log cleared before each test. Call it at the top level of the file; the returned
 * object reads the running server, so use it inside tests and hooks.
 */
export function useModelTestServer(): ModelTestServer {
  let server: ModelTestServer | undefined;
  const current = () => {
    if (!server) throw new Error("useModelTestServer: the server starts in beforeAll; use it inside tests and hooks");
    return server;
  };
  beforeAll(async () => {
    server = await startModelTestServer();
  });
  afterAll(() => current().stop());
  beforeEach(() => {
    current().requests.length = 0;
  });
  return {
    get baseUrl() {
      return current().baseUrl;
    },
    get requests() {
      return current().requests;
    },
    chatRequests: () => current().chatRequests(),
    script: (match, responses) => current().script(match, responses),
    stop: () => current().stop(),
  };
}

/**
 * A local stand-in for a model provider on 127.0.0.1 (ephemeral port) that replays recorded
 * responses: OpenAI chat completions and model list under /v1, Anthropic messages at
 * /v1/messages. It logs every request, so tests can check who called it and with what.
 */
export async function startModelTestServer(): Promise<ModelTestServer> {
  const requests: ReceivedRequest[] = [];
  const scripts: Script[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      try {
        body = text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        body = text;
      }
      const path = (req.url ?? "/").split("?")[0]!;
      const model = typeof (body as { model?: unknown })?.model === "string" ? (body as { model: string }).model : undefined;
      const received: ReceivedRequest = { method: req.method ?? "GET", path, headers: req.headers, body, model, task: taskOf(body), at: Date.now() };
      requests.push(received);

      const reply = answer(received, scripts);
      res.writeHead(reply.status, reply.headers).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.method === "POST" && /\/(chat\/completions|messages)$/.test(r.path)),
    script: (match, responses) => {
      scripts.unshift({ matches: typeof match === "string" ? (req) => req.model === match : match, responses, next: 0 });
    },
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

interface Script {
  matches: (req: ReceivedRequest) => boolean;
  responses: RecordedResponse[];
  next: number;
}

function answer(req: ReceivedRequest, scripts: Script[]): RecordedResponse {
  if (req.method === "GET" && req.path === "/v1/models") return recorded.openai.models;
  const anthropic = req.path === "/v1/messages";
  if (req.method !== "POST" || (!anthropic && req.path !== "/v1/chat/completions")) {
    return { status: 404, headers: { "content-type": "application/json" }, body: { error: { message: `no route ${req.method} ${req.path}` } } };
  }
  const script = scripts.find((s) => s.matches(req));
  if (script && script.responses.length) {
    const response = script.responses[Math.min(script.next, script.responses.length - 1)]!;
    script.next += 1;
    return response;
  }
  const set = anthropic ? recorded.anthropic : recorded.openai;
  return req.task === "tags" ? set.assetTags : set.briefAnalysis;
}

function taskOf(body: unknown): ReceivedRequest["task"] {
  const b = body as { system?: unknown; messages?: Array<{ role?: string; content?: unknown }> } | undefined;
  const system = typeof b?.system === "string" ? b.system : b?.messages?.find((m) => m.role === "system")?.content;
  if (typeof system !== "string") return undefined;
  if (system.includes("altText")) return "tags";
  if (system.includes("deliverables")) return "brief";
  return undefined;
}
