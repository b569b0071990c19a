import { NonRetriableError } from "inngest";

/**
 * An outbound call to an address taken from event data was refused before anything was sent: the
 * host is not allowed, or it resolves to an address the worker never calls (see TargetPolicy).
 * Non-retriable: sending the same event again cannot change the answer. The message names the
 * host only, never the path or query (a webhook URL often carries a token).
 */
export class TargetRefusedError extends NonRetriableError {
  override name = "TargetRefusedError";
}
