import { functionIds } from "../functions/function-ids.ts";
import { reportFailure, type FailureArgs } from "./report-failure.ts";

/** send-reminder failed for good: the reminder was not delivered. Report and alert; nothing to undo. */
export function onSendReminderFailure(args: FailureArgs) {
  const reminderId = (args.event.data.event as { data?: { reminderId?: unknown } } | undefined)?.data?.reminderId;
  return reportFailure(args, {
    functionId: functionIds.sendReminder,
    item: typeof reminderId === "string" ? `reminder ${reminderId}` : "an unknown reminder",
  });
}
