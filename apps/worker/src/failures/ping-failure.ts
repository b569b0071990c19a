import { functionIds } from "../functions/function-ids.ts";
import { originalField, reportFailure, type FailureArgs } from "./report-failure.ts";

/**
 * ping failed (a malformed studio/diagnostics.pinged, or the worker could not answer): report and
 * alert like every workflow, so a broken smoke check is seen rather than dropped. Nothing to undo.
 */
export function onPingFailure(args: FailureArgs) {
  const pingId = originalField(args.event.data.event, "pingId");
  return reportFailure(args, { functionId: functionIds.ping, item: pingId !== undefined ? `ping ${pingId}` : "an unknown ping" });
}
