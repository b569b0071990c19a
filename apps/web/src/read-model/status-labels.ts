import { type TrackedKind } from "../activity/tracked-kinds.ts";

/**
 * The statuses a list can be filtered by, per kind, with what the operator reads. `pending` is
 * an item some of whose events arrived before the one that describes it (projections keep them).
 */
export const statusLabels: Record<TrackedKind, Record<string, string>> = {
  brief: {
    submitted: "Submitted",
    analysed: "Analysed, awaiting approval",
    approved: "Approved",
    project_created: "Project created",
    withdrawn: "Withdrawn",
    pending: "Details not received yet",
  },
  asset: { registered: "Registered", processed: "Renditions ready", tagged: "Tagged", pending: "Details not received yet" },
  invoice: { issued: "Issued, awaiting payment", paid: "Paid", pending: "Details not received yet" },
  reminder: { scheduled: "Scheduled", due: "Due (delivered at its time)" },
};

export function statusLabel(kind: TrackedKind, status: string): string {
  return statusLabels[kind][status] ?? status;
}
