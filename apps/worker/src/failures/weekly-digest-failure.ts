import { functionIds } from "../functions/function-ids.ts";
import { reportFailure, type FailureArgs } from "./report-failure.ts";

/** weekly-digest failed for good: report and alert; re-running it is safe (dedupe ids). */
export function onWeeklyDigestFailure(args: FailureArgs) {
  return reportFailure(args, { functionId: functionIds.weeklyDigest, item: "this week's digest fan-out" });
}
