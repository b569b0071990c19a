import { NonRetriableError, RetryAfterError } from "inngest";
import { classifyResponse } from "./classify-response.ts";
import { parseBody } from "./call-service.ts";
import { type ServiceRequest } from "./service-request.ts";

/** The two step tools this needs (any Inngest `ctx.step` has them). */
export type DurableFetchSteps = {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  sleep: (id: string, duration: number) => Promise<void>;
};

export type DurableFetchOptions = {
  /** Prefix of the retry sleeps' step ids, e.g. "notify-team". */
  label: string;
  /** Requests in total before giving up. */
  attempts?: number;
  /** Wait before attempt n+1 when the service gave no Retry-After. */
  backoffMs?: (attempt: number) => number;
};

const defaultBackoff = (attempt: number) => Math.min(5_000 * 2 ** (attempt - 1), 300_000);

/**
 * Sends a request with `step.fetch`: Inngest makes the call and records the answer, so the worker
 * holds no connection open (nothing is billed while a slow service answers) and a replay never
 * sends it twice.
 *
 * Inngest stores whatever status comes back as the step's result, so throwing afterwards would
 * only replay that same stored answer on the next attempt. Retries are therefore done here, as
 * more steps: a retriable answer (5xx, 408, 429) is followed by a durable `step.sleep`, honouring
 * Retry-After, and a fresh `step.fetch`. A 4xx, or the last failed attempt, throws
 * NonRetriableError (retrying the function could not send the request again).
 *
 * The request (URL, headers, body) is visible in the run's trace and is not encrypted: only use
 * this for requests that carry no personal data.
 */
export async function fetchDurably(step: DurableFetchSteps, request: ServiceRequest, options: DurableFetchOptions): Promise<unknown> {
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? defaultBackoff;
  for (let attempt = 1; ; attempt++) {
    const response = await step.fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
    const text = await response.text();
    const failure = classifyResponse(request.service, response.status, response.headers, text);
    if (!failure) return parseBody(text);
    if (failure instanceof NonRetriableError) throw failure;
    if (attempt >= attempts) {
      throw new NonRetriableError(`${request.service} still failing after ${attempts} attempts: ${failure.message}`, { cause: failure });
    }
    const wait = failure instanceof RetryAfterError ? retryAfterMs(failure) : backoff(attempt);
    await step.sleep(`${options.label}-retry-${attempt}`, Math.max(1_000, wait));
  }
}

/** RetryAfterError stores whole seconds ("30") or an ISO date. */
function retryAfterMs(error: RetryAfterError): number {
  const value = String(error.retryAfter);
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  return Math.max(0, Date.parse(value) - Date.now());
}
