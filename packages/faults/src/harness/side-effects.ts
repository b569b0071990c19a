import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { assetTaggedFixtures, briefAnalysedFixtures } from "@studio/events/fixtures";

/** One request the service received, with when it arrived and when it ended. */
export type Hit = {
  /** Arrival order, from 1. */
  seq: number;
  method: string;
  /** The path without its query; `/e/<key>` is recorded as `/e`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body as parsed JSON, or the raw text when it is not JSON. */
  body: unknown;
  /** Date.now() when the request's body had arrived. */
  receivedAt: number;
  /** Date.now() when it was answered, or when the caller went away before that. */
  endedAt?: number;
  /** `aborted`: the caller's connection closed before the answer (a crash, a timeout). */
  outcome: "pending" | "answered" | "aborted";
  status?: number;
};

/** An answer; `body` is sent as JSON unless it is a string. */
export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** A request kept unanswered until the test releases it. */
export type HeldRequest = {
  /** Resolves with the request once it has arrived. */
  arrived: Promise<Hit>;
  /** Answers it (the default answer unless given one). A caller that went away gets nothing. */
  release: (answer?: Answer) => void;
};

type Rule = { path: string; match: (hit: Hit) => boolean; answer: (hit: Hit) => Answer | Promise<Answer>; once: boolean };

export type SideEffects = {
  /** Origin, e.g. http://127.0.0.1:41234. */
  url: string;
  /**
   * The worker's outside services (webhook, email, rendition) pointed here, with credentials. Merge
   * it into the worker's env.
   */
  workerEnv: Record<string, string>;
  /**
   * The AI app's primary model: an OpenAI-compatible server here, called by this app's own process
   * (`wrap`) or by Inngest (`infer`), and its team channel for failure alerts. Merge it into the AI app's env.
   */
  aiEnv: (transport: "infer" | "wrap") => Record<string, string>;
  /** Every request so far, or those on one path ("/rendition", "/email", "/webhook", "/v1/chat/completions", "/e"...). */
  hits: (path?: string) => Hit[];
  /** Answers matching requests on `path` with `answer` from now on (later rules are tried first). */
  answer: (path: string, answer: (hit: Hit) => Answer | Promise<Answer>, match?: (hit: Hit) => boolean) => void;
  /** Keeps the next matching request on `path` unanswered until released. */
  hold: (path: string, match?: (hit: Hit) => boolean) => HeldRequest;
  /** Delays every answer on `path` by `ms` (to make overlapping calls observable). */
  delay: (path: string, ms: number) => void;
  /** Polls `check` until it returns something truthy; fails naming `what` after `timeoutMs`. */
  waitFor: <T>(what: string, check: () => T | undefined | false, timeoutMs?: number) => Promise<T>;
  /** Forgets the requests and the rules (not the server). */
  reset: () => void;
  stop: () => Promise<void>;
};

/** The model answers are the contract's own examples, so they pass the AI app's validation. */
const tagsAnswer = { tags: assetTaggedFixtures.valid[0].tags, altText: assetTaggedFixtures.valid[0].altText };
const briefAnswer = briefAnalysedFixtures.valid[0].analysis;
export const TEST_MODEL = "faults-test-model";

/**
 * A local HTTP service on 127.0.0.1 that stands in for everything outside the apps (the team
 * webhook, the email provider, the rendition service, the model provider, and Inngest's event and
 * registration API for apps in cloud mode) and records every request with its arrival and end
 * time. Side effects are counted here: how often each rendition, email or model call happened,
 * and how many were in flight at once. Answers default to success, promptly; tests can delay,
 * hold or replace them per path.
 */
export async function startSideEffects(): Promise<SideEffects> {
  const hits: Hit[] = [];
  let rules: Rule[] = [];
  const delays = new Map<string, number>();
  let seq = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const hit: Hit = {
        seq: ++seq,
        method: req.method ?? "GET",
        path: url.pathname.startsWith("/e/") ? "/e" : url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: parse(Buffer.concat(chunks).toString("utf8")),
        receivedAt: Date.now(),
        outcome: "pending",
      };
      hits.push(hit);
      res.on("close", () => {
        if (hit.outcome === "pending") {
          hit.outcome = "aborted";
          hit.endedAt = Date.now();
        }
      });
      void respond(hit, res);
    });
  });

  async function respond(hit: Hit, res: ServerResponse) {
    const rule = rules.find((r) => r.path === hit.path && r.match(hit));
    if (rule?.once) rules = rules.filter((r) => r !== rule);
    const pause = delays.get(hit.path);
    if (pause) await new Promise((r) => setTimeout(r, pause));
    const answer = rule ? await rule.answer(hit) : defaultAnswer(hit, origin);
    if (hit.outcome !== "pending" || res.destroyed) return;
    hit.outcome = "answered";
    hit.status = answer.status;
    hit.endedAt = Date.now();
    const isText = typeof answer.body === "string" || answer.body === undefined;
    res.writeHead(answer.status, { "content-type": isText ? "text/plain" : "application/json", ...answer.headers });
    res.end(answer.body === undefined ? "" : isText ? (answer.body as string) : JSON.stringify(answer.body));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    workerEnv: {
      WEBHOOK_URL: `${origin}/webhook`,
      EMAIL_API_URL: `${origin}/email`,
      RENDITION_URL: `${origin}/rendition`,
      WEBHOOK_TOKEN: "faults-webhook-token",
      EMAIL_API_KEY: "faults-email-key",
      RENDITION_API_KEY: "faults-rendition-key",
    },
    aiEnv: (transport) => ({
      AI_PROVIDER: "openai-compatible",
      AI_BASE_URL: `${origin}/v1`,
      AI_MODEL: TEST_MODEL,
      AI_API_KEY: "faults-model-key",
      AI_TRANSPORT: transport,
      // The team channel failure alerts go to (required in cloud mode), with its token like the worker's.
      WEBHOOK_URL: `${origin}/webhook`,
      WEBHOOK_TOKEN: "faults-webhook-token",
    }),
    hits: (path) => (path ? hits.filter((h) => h.path === path) : [...hits]),
    answer: (path, answer, match = () => true) => {
      rules.unshift({ path, match, answer, once: false });
    },
    hold: (path, match = () => true) => {
      let arrived!: (hit: Hit) => void;
      let release!: (answer?: Answer) => void;
      const arrivedP = new Promise<Hit>((r) => (arrived = r));
      const released = new Promise<Answer | undefined>((r) => (release = r));
      rules.unshift({
        path,
        match,
        once: true,
        answer: async (hit) => {
          arrived(hit);
          return (await released) ?? defaultAnswer(hit, origin);
        },
      });
      return { arrived: arrivedP, release };
    },
    delay: (path, ms) => {
      delays.set(path, ms);
    },
    waitFor: async (what, check, timeoutMs = 30_000) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value) return value;
        if (Date.now() > until) {
          const seen = hits.slice(-20).map((h) => `${h.method} ${h.path} ${h.outcome}`);
          throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last requests: ${seen.join(", ") || "none"}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    reset: () => {
      hits.length = 0;
      rules = [];
      delays.clear();
    },
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function defaultAnswer(hit: Hit, origin: string): Answer {
  switch (hit.path) {
    case "/rendition": {
      const { assetId, size } = hit.body as { assetId: string; size: string };
      const width = { thumb: 320, web: 1600, print: 4000 }[size] ?? 100;
      return { status: 200, body: { url: `${origin}/files/${assetId}/${size}.png`, width } };
    }
    case "/email":
      return { status: 202, body: { id: `msg-${hit.seq}` } };
    case "/webhook":
      return { status: 200, body: "ok" };
    case "/v1/chat/completions":
      return { status: 200, body: chatCompletion(hit) };
    case "/v1/models":
      return { status: 200, body: { object: "list", data: [{ id: TEST_MODEL, object: "model" }] } };
    case "/fn/register":
      return { status: 200, body: { ok: true, modified: false } };
    case "/e": {
      const events = (Array.isArray(hit.body) ? hit.body : [hit.body]) as unknown[];
      return { status: 200, body: { ids: events.map((_, i) => `evt-${hit.seq}-${i}`), status: 200 } };
    }
    default:
      if (hit.path.startsWith("/hooks/")) return { status: 200, body: "ok" };
      return { status: 404, body: { error: `nothing at ${hit.method} ${hit.path} on the side-effects service` } };
  }
}

/** An OpenAI chat completion whose content is the JSON answer the prompt asks for (tags or a brief analysis). */
function chatCompletion(hit: Hit) {
  const messages = (hit.body as { messages?: Array<{ role: string; content: unknown }> } | null)?.messages ?? [];
  const system = messages.find((m) => m.role === "system")?.content;
  const answer = typeof system === "string" && system.includes("altText") ? tagsAnswer : briefAnswer;
  return {
    id: `chatcmpl-${hit.seq}`,
    object: "chat.completion",
    created: Math.floor(hit.receivedAt / 1000),
    model: TEST_MODEL,
    choices: [{ index: 0, message: { role: "assistant", content: JSON.stringify(answer) }, finish_reason: "stop" }],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  };
}

function parse(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
