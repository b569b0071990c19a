import { functionIds } from "../functions/function-ids.ts";
import { originalField, reportFailure, type FailureArgs } from "./report-failure.ts";

/** send-digest failed for good: one client did not get the digest. Report and alert. */
export function onSendDigestFailure(args: FailureArgs) {
  const clientId = originalField(args.event.data.event, "clientId");
  return reportFailure(args, {
    functionId: functionIds.sendDigest,
    item: clientId !== undefined ? `the weekly digest of client ${clientId}` : "a weekly digest",
  });
}
