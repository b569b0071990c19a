import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";

/** One request the fake services received. */
export type Received = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: unknown;
  /** When the request arrived, and when its answer was sent (ms since the epoch), for in-flight counts. */
  at: number;
  doneAt?: number;
};

/** A scripted answer. `body` is sent as JSON unless it is a string; `delayMs` holds it back (a slow service). */
export type Answer = { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number };

type Script = { match: (request: Received) => boolean; answers: Answer[]; sticky: boolean };

export type OutsideServices = {
  /** Origin, e.g. http://127.0.0.1:41234. */
  url: string;
  /** Env pointing the worker at these services (and, for unit tests, the Inngest API at them too). */
  env: Record<string, string>;
  /** Everything received on a path ("/webhook", "/email", "/rendition", "/e", "/realtime"). */
  received: (path?: string) => Received[];
  /**
   * Events sent to the fake Inngest event API (unit tests), one per event id: a repeated send of
   * the same id is what Inngest would drop (and @inngest/test can replay a send around parallel steps).
   */
  events: () => { name: string; data: Record<string, unknown>; id?: string }[];
  /**
   * Realtime messages published through the fake Inngest API (unit tests), in order, each
   * (channel, topic, step, state/outcome) once: a durable publish step runs once in Inngest,
   * while @inngest/test may replay it around parallel steps.
   */
  published: () => { channel: string; topic: string; data: Record<string, unknown> }[];
  /** Answers the next matching requests on `path` with `answers`, in order, then the default again. */
  script: (path: string, answers: Answer[], match?: (request: Received) => boolean) => void;
  /** Holds back every answer on `path` by `ms` (until reset): a slow service, for in-flight counts. */
  slow: (path: string, ms: number) => void;
  /** Answers every matching request on `path` with `answer` (until reset). */
  always: (path: string, answer: Answer, match?: (request: Received) => boolean) => void;
  /** Polls until `check` returns something truthy; fails with `what` after `timeoutMs`. */
  waitFor: <T>(what: string, check: () => T | undefined | false, timeoutMs?: number) => Promise<T>;
  reset: () => void;
  stop: () => Promise<void>;
};

/**
 * Real HTTP stand-ins for the worker's outside services on 127.0.0.1 (a free port), for unit and
 * end-to-end tests: the team webhook (/webhook), the email API (/email), the rendition service
 * (/rendition), and a minimal Inngest API (/e/<key> event ingest, /v1/realtime/publish) so a
 * client pointed here sends and publishes for real. Requests are recorded; answers default to
 * success and can be scripted per path (and per request body) to fail.
 */
export async function startOutsideServices(): Promise<OutsideServices> {
  const log: Received[] = [];
  let scripts: (Script & { path: string })[] = [];
  let delays = new Map<string, number>();
  let eventCounter = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const text = Buffer.concat(chunks).toString("utf8");
      const received: Received = {
        method: req.method ?? "GET",
        path: normalise(url.pathname),
        query: url.searchParams,
        headers: req.headers,
        body: parse(text),
        at: Date.now(),
      };
      log.push(received);
      const script = scripts.find((s) => s.path === received.path && s.answers.length > 0 && s.match(received));
      const answer = script
        ? script.sticky
          ? script.answers[0]!
          : script.answers.shift()!
        : defaultAnswer(received, origin(), () => ++eventCounter);
      const delayMs = answer.delayMs ?? delays.get(received.path) ?? 0;
      const send = () => {
        received.doneAt = Date.now();
        reply(res, answer);
      };
      if (delayMs > 0) setTimeout(send, delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = origin();

  return {
    url,
    env: {
      WEBHOOK_URL: `${url}/webhook`,
      EMAIL_API_URL: `${url}/email`,
      RENDITION_URL: `${url}/rendition`,
      WEBHOOK_TOKEN: "test-webhook-token",
      EMAIL_API_KEY: "test-email-key",
      RENDITION_API_KEY: "test-rendition-key",
    },
    received: (path) => (path ? log.filter((r) => r.path === path) : [...log]),
    events: () => {
      const sent = log
        .filter((r) => r.path === "/e")
        .flatMap((r) => (Array.isArray(r.body) ? r.body : [r.body]) as { name: string; data: Record<string, unknown>; id?: string }[]);
      return [...new Map(sent.map((e, i) => [e.id ?? `no-id-${i}`, e])).values()];
    },
    published: () => {
      const messages = log
        .filter((r) => r.path === "/realtime")
        .map((r) => ({ channel: r.query.get("channel") ?? "", topic: r.query.get("topic") ?? "", data: r.body as Record<string, unknown> }));
      const key = (m: (typeof messages)[number]) => JSON.stringify([m.channel, m.topic, m.data["step"], m.data["state"], m.data["outcome"]]);
      return [...new Map(messages.map((m) => [key(m), m])).values()];
    },
    script: (path, answers, match = () => true) => scripts.push({ path, answers: [...answers], match, sticky: false }),
    slow: (path, ms) => void delays.set(path, ms),
    always: (path, answer, match = () => true) => scripts.push({ path, answers: [answer], match, sticky: true }),
    waitFor: async (what, check, timeoutMs = 30_000) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value) return value;
        if (Date.now() > until) {
          throw new Error(`Timed out waiting for ${what}; received: ${JSON.stringify(log.map((r) => [r.method, r.path, r.body]))}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    reset: () => {
      log.length = 0;
      scripts = [];
      delays = new Map();
    },
    stop: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** "/e/<key>" → "/e", "/v1/realtime/publish" → "/realtime"; other paths as they are. */
function normalise(pathname: string): string {
  if (pathname.startsWith("/e/")) return "/e";
  if (pathname === "/v1/realtime/publish") return "/realtime";
  return pathname;
}

function defaultAnswer(request: Received, origin: string, nextEventNumber: () => number): Answer {
  switch (request.path) {
    case "/e": {
      const events = (Array.isArray(request.body) ? request.body : [request.body]) as { id?: string }[];
      return { status: 200, body: { ids: events.map((e) => e.id ?? `evt-${nextEventNumber()}`), status: 200 } };
    }
    case "/rendition": {
      const { assetId, size } = request.body as { assetId: string; size: string };
      const width = { thumb: 320, web: 1600, print: 4000 }[size] ?? 100;
      return { status: 200, body: { url: `${origin}/files/${assetId}/${size}.png`, width } };
    }
    case "/email":
      return { status: 202, body: { id: `msg-${Date.now()}` } };
    case "/webhook":
    case "/realtime":
      return { status: 200, body: "ok" };
    case "/v1/events":
      // Inngest's event list (intake's look-back): nothing received, unless a test scripts it.
      return { status: 200, body: { data: [] } };
    case "/v1/chat/completions":
      return { status: 200, body: modelAnswer(request.body) };
    case "/fn/register":
      return { status: 200, body: { ok: true, modified: true } };
    default:
      // Any other Slack-style hook (a reminder's own target): /hooks/<name>.
      if (request.path.startsWith("/hooks/")) return { status: 200, body: "ok" };
      return { status: 404, body: { error: `no fake service at ${request.path}` } };
  }
}

/**
 * An OpenAI-style chat completion for the AI app's two tasks (told apart by the system prompt),
 * so the AI app can use these services as its model ("openai-compatible" at <url>/v1).
 */
function modelAnswer(body: unknown): unknown {
  const messages = (body as { messages?: { role: string; content: string }[] } | null)?.messages ?? [];
  const tags = messages.some((m) => m.role === "system" && m.content.includes("altText"));
  const content = tags
    ? { tags: ["test", "stand-in"], altText: "An image described by the local model stand-in." }
    : {
        summary: "Analysis by the local model stand-in.",
        deliverables: ["3 key visuals", "1 social loop"],
        risks: ["palette not final"],
        estimate: { hours: 24, confidence: "medium" },
      };
  return {
    id: `chatcmpl-test-${Date.now()}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: "stand-in-model",
    choices: [{ index: 0, message: { role: "assistant", content: JSON.stringify(content) }, finish_reason: "stop" }],
    usage: { prompt_tokens: 100, completion_tokens: 40, total_tokens: 140 },
  };
}

function reply(res: ServerResponse, answer: Answer) {
  const isText = typeof answer.body === "string" || answer.body === undefined;
  res.writeHead(answer.status, { "content-type": isText ? "text/plain" : "application/json", ...answer.headers });
  res.end(answer.body === undefined ? "" : isText ? (answer.body as string) : JSON.stringify(answer.body));
}

function parse(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
