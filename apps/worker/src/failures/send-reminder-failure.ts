import { functionIds } from "../functions/function-ids.ts";
import { originalField, reportFailure, type FailureArgs } from "./report-failure.ts";

/** send-reminder failed for good: the reminder was not delivered. Report and alert; nothing to undo. */
export function onSendReminderFailure(args: FailureArgs) {
  const reminderId = originalField(args.event.data.event, "reminderId");
  return reportFailure(args, {
    functionId: functionIds.sendReminder,
    item: reminderId !== undefined ? `reminder ${reminderId}` : "an unknown reminder",
  });
}
