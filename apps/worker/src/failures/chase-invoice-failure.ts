import { functionIds } from "../functions/function-ids.ts";
import { originalField, reportFailure, type FailureArgs } from "./report-failure.ts";

/**
 * chase-invoice failed for good. Sent reminders cannot be taken back, so there is no
 * compensation: report, alert (the team takes the chase over) and publish "failed".
 */
export function onChaseInvoiceFailure(args: FailureArgs) {
  const id = originalField(args.event.data.event, "invoiceId");
  return reportFailure(args, {
    functionId: functionIds.chaseInvoice,
    item: id ? `invoice ${id}` : "an unknown invoice",
    subject: id ? `invoice:${id}` : undefined,
  });
}
