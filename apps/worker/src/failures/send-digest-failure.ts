import { functionIds } from "../functions/function-ids.ts";
import { reportFailure, type FailureArgs } from "./report-failure.ts";

/** send-digest failed for good: one client did not get the digest. Report and alert. */
export function onSendDigestFailure(args: FailureArgs) {
  const clientId = (args.event.data.event as { data?: { clientId?: unknown } } | undefined)?.data?.clientId;
  return reportFailure(args, {
    functionId: functionIds.sendDigest,
    item: typeof clientId === "string" ? `the weekly digest of client ${clientId}` : "a weekly digest",
  });
}
