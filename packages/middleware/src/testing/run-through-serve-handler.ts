import { randomUUID } from "node:crypto";
import { signatureHeader } from "./signature-header.ts";

/** A fetch-style handler: `serve(...)` from "inngest/edge", a Hono app's `fetch`, or a real `fetch` to a URL. */
export type ServeHandler = (request: Request) => Promise<Response>;

type StoredStep = { data: unknown } | { error: unknown };

type Op = { id: string; op: string; name?: string; data?: unknown; error?: unknown };

export type RunThroughServeHandlerOptions = {
  /**
   * Called for each request. `requestNumber` (0-based) lets a test change the serving app in the
   * middle of a run, as a deploy would.
   */
  handler: (request: Request, requestNumber: number) => Promise<Response>;
  /** The function's full slug, `<appId>-<functionId>`. */
  functionSlug: string;
  /** The triggering event, as the executor would send it (give it an `id`). */
  event: { name: string; data: Record<string, unknown>; id?: string; ts?: number };
  /** The run's retries + 1 (the SDK default is 4: `retries: 3`). */
  maxAttempts?: number;
  runId?: string;
  /** Sign requests like Inngest does (needed when the client is in cloud mode). */
  signingKey?: string;
  /** The serve URL to put in requests. Default http://127.0.0.1/api/inngest. */
  url?: string;
  /** Results for `step.waitForEvent` by step name (default: null, i.e. timed out). */
  waitForEvent?: Record<string, unknown>;
  /** Safety stop. Default 10 000 requests. */
  maxRequests?: number;
};

export type SimulatedRun = {
  status: "Completed" | "Failed";
  /** The function's result or error exactly as the SDK returned it (ciphertext when encrypted). */
  output: unknown;
  /** Every stored step result by hashed step id, exactly as Inngest would persist it. */
  steps: Record<string, StoredStep>;
  /** Every response, in order: `attempt`, HTTP status and parsed body. */
  responses: { attempt: number; status: number; body: unknown }[];
  runId: string;
  /** The id given to the triggering event. */
  eventId: string;
};

/**
 * Plays the Inngest executor against a real serve handler, in process: sends the execution
 * requests one after another, keeps the memoized step state between them (as stored data, so
 * encrypted when the app encrypts), retries failed steps and runs with an increasing `attempt`
 * up to `maxAttempts`, and stops when the run completes or fails for good. Sleeps end at once.
 *
 * Unlike @inngest/test this goes through the whole HTTP handler, so every middleware hook runs
 * (wrapRequest included: Sentry scopes and flushing, request-scoped log context), and attempts
 * are real. Used by the Sentry and rotation tests and by the benchmark. It does not do invoke,
 * AI gateway or checkpointing (requests carry no `fn_id`, so the SDK never checkpoints).
 */
export async function runThroughServeHandler(opts: RunThroughServeHandlerOptions): Promise<SimulatedRun> {
  const runId = opts.runId ?? `01TEST${randomUUID().replaceAll("-", "").slice(0, 20).toUpperCase()}`;
  const event = { id: `evt-${randomUUID()}`, ts: Date.now(), ...opts.event };
  const maxAttempts = opts.maxAttempts ?? 4;
  const url = new URL(opts.url ?? "http://127.0.0.1/api/inngest");
  const steps: Record<string, StoredStep> = {};
  const stack: string[] = [];
  const responses: SimulatedRun["responses"] = [];
  const planned: string[] = [];
  let attempt = 0;
  let targetStep: string | undefined;

  for (let n = 0; n < (opts.maxRequests ?? 10_000); n++) {
    const body = JSON.stringify({
      event,
      events: [event],
      steps,
      ctx: {
        run_id: runId,
        attempt,
        max_attempts: maxAttempts,
        disable_immediate_execution: false,
        use_api: false,
        stack: { stack, current: Math.max(stack.length - 1, 0) },
      },
      version: 2,
    });
    const requestUrl = new URL(url);
    requestUrl.searchParams.set("fnId", opts.functionSlug);
    requestUrl.searchParams.set("stepId", targetStep ?? "step");
    // The edge adapter builds the URL from the Host header, as behind a real server.
    const headers: Record<string, string> = { "content-type": "application/json", host: url.host };
    if (opts.signingKey) headers["x-inngest-signature"] = signatureHeader(body, opts.signingKey);
    const res = await opts.handler(new Request(requestUrl, { method: "POST", headers, body }), n);
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    responses.push({ attempt, status: res.status, body: parsed });

    if (res.status === 200) return { status: "Completed", output: parsed, steps, responses, runId, eventId: event.id };
    if (res.status === 400) return { status: "Failed", output: parsed, steps, responses, runId, eventId: event.id };
    if (res.status === 500) {
      // A retriable run error: the same request again, one attempt later. The SDK itself turns
      // the last attempt's error into a 400.
      if (res.headers.get("x-inngest-no-retry") === "true" || attempt + 1 >= maxAttempts) {
        return { status: "Failed", output: parsed, steps, responses, runId, eventId: event.id };
      }
      attempt++;
      continue;
    }
    if (res.status !== 206) throw new Error(`runThroughServeHandler: unexpected HTTP ${res.status}: ${text}`);

    const ops = (Array.isArray(parsed) ? parsed : [parsed]) as Op[];
    targetStep = undefined;
    for (const op of ops) {
      switch (op.op) {
        case "StepRun":
        case "Step":
          store(op.id, { data: op.data ?? null });
          break;
        case "StepFailed":
          store(op.id, { error: op.error });
          break;
        case "StepError":
          // Retry this step on its own, next attempt.
          attempt++;
          targetStep = op.id;
          break;
        case "StepPlanned":
          planned.push(op.id);
          break;
        case "Sleep":
          store(op.id, { data: null });
          break;
        case "WaitForEvent":
          store(op.id, { data: opts.waitForEvent?.[op.name ?? ""] ?? null });
          break;
        case "RunComplete":
          return { status: "Completed", output: op.data, steps, responses, runId, eventId: event.id };
        default:
          throw new Error(`runThroughServeHandler: op ${op.op} is not simulated`);
      }
    }
    if (!targetStep && planned.length) targetStep = planned.shift();
  }
  throw new Error(`runThroughServeHandler: the run did not finish within ${opts.maxRequests ?? 10_000} requests`);

  function store(id: string, value: StoredStep) {
    steps[id] = value;
    stack.push(id);
    attempt = 0;
  }
}
