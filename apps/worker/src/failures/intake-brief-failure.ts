import { functionIds } from "../functions/function-ids.ts";
import { originalField, reportFailure, type FailureArgs } from "./report-failure.ts";

/**
 * intake-brief failed for good. Compensation: release the slot intake held for the brief (told
 * to the team channel, where slots are tracked), so nobody keeps capacity for a dead intake.
 * Then the common report: studio/automation.failed, a team alert, and the "failed" outcome on
 * `brief:<briefId>`.
 */
export function onIntakeBriefFailure(args: FailureArgs) {
  const briefId = originalField(args.event.data.event, "briefId");
  return reportFailure(args, {
    functionId: functionIds.intakeBrief,
    item: briefId ? `brief ${briefId}` : "an unknown brief",
    subject: briefId ? `brief:${briefId}` : undefined,
    compensate: async () => {
      await args.webhook.notify(
        args.step,
        "release-slot-after-failure",
        `Brief ${briefId ?? "(unknown id)"}: intake failed, so its held slot is released. Once the cause is fixed, rerun the failed run from the Inngest dashboard (docs/runbooks/worker-intake-brief.md).`,
      );
    },
  });
}
