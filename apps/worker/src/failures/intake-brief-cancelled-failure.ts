import { functionIds } from "../functions/function-ids.ts";
import { originalField, reportFailure, type FailureArgs } from "./report-failure.ts";

/**
 * intake-brief-cancelled failed: the slot of a cancelled brief may still be held. Nothing to
 * compensate (releasing is what failed); the report and alert ask the team to release it by hand.
 */
export function onIntakeBriefCancelledFailure(args: FailureArgs) {
  const cancelled = originalField(args.event.data.event, "run_id");
  return reportFailure(args, {
    functionId: functionIds.intakeBriefCancelled,
    item: `the cancelled intake run ${cancelled ?? "(unknown)"}`,
  });
}
