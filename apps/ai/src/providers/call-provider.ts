import { NonRetriableError, RetryAfterError } from "inngest";
import type { ModelSpec } from "../models/model-spec.ts";
import type { ChatRequest } from "./chat-request.ts";
import { endpointUrl } from "./endpoint-url.ts";
import { providerErrorMessage, ProviderUnavailableError, retryAfterFrom } from "./provider-errors.ts";
import { requestBody, wireFormat } from "./request-body.ts";

/** Give up on one HTTP call after this long (it is then retried like a 5xx). The AI app's longest step: src/function-limits.ts leaves room for it. */
export const CALL_TIMEOUT_MS = 120_000;

/**
 * Calls the provider's chat endpoint from this process (the `wrap` transport) and returns its
 * native JSON response. Failures are sorted so Inngest does the right thing with them:
 * - 429: RetryAfterError with the provider's Retry-After, so the step waits as long as asked;
 * - 408, 409, 5xx, 529, timeouts, network errors: ProviderUnavailableError (retried);
 * - any other 4xx (bad key, unknown model, bad request): NonRetriableError, since a retry
 *   cannot fix it; the caller then falls back to the next model.
 */
export async function callProvider(spec: ModelSpec, request: ChatRequest): Promise<unknown> {
  const url = endpointUrl(spec);
  const where = `${spec.provider} ${spec.name} (${url})`;
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (wireFormat(spec) === "anthropic") {
    headers["anthropic-version"] = "2023-06-01";
    if (spec.apiKey) headers["x-api-key"] = spec.apiKey;
  } else if (spec.apiKey) {
    headers["authorization"] = `Bearer ${spec.apiKey}`;
  }

  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers,
      body: JSON.stringify(requestBody(spec, request)),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new ProviderUnavailableError(`${where} could not be reached: ${reason}`, undefined, { cause: error });
  }

  const text = await res.text();
  if (res.ok) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new NonRetriableError(`${where} answered ${res.status} with a ${text.length}-character body that is not JSON (not quoted)`);
    }
  }

  const message = `${where} answered ${res.status}: ${providerErrorMessage(text)}`;
  if (res.status === 429) {
    const retryAfter = retryAfterFrom(res.headers.get("retry-after"));
    if (retryAfter !== undefined) throw new RetryAfterError(message, retryAfter);
    throw new ProviderUnavailableError(message, res.status);
  }
  if (res.status === 408 || res.status === 409 || res.status >= 500) throw new ProviderUnavailableError(message, res.status);
  throw new NonRetriableError(message);
}
