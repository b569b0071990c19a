import { functionIds } from "../functions/function-ids.ts";
import { reportFailure, type FailureArgs } from "./report-failure.ts";

/**
 * chase-invoice failed for good. Sent reminders cannot be taken back, so there is no
 * compensation: report, alert (the team takes the chase over) and publish "failed".
 */
export function onChaseInvoiceFailure(args: FailureArgs) {
  const invoiceId = (args.event.data.event as { data?: { invoiceId?: unknown } } | undefined)?.data?.invoiceId;
  const id = typeof invoiceId === "string" ? invoiceId : undefined;
  return reportFailure(args, {
    functionId: functionIds.chaseInvoice,
    item: id ? `invoice ${id}` : "an unknown invoice",
    subject: id ? `invoice:${id}` : undefined,
  });
}
