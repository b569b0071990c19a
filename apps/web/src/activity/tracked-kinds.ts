import {
  assetProcessed,
  assetTagged,
  assetUploaded,
  briefAnalysed,
  briefApproved,
  briefSubmitted,
  briefUpdated,
  briefWithdrawn,
  invoiceIssued,
  invoicePaid,
  projectCreated,
  reminderScheduled,
} from "@studio/events";

/**
 * The things an operator follows, each with its console page (`<path>/<id>`, the id URI-encoded),
 * the field that identifies it, the event that starts it, and the contract events that concern it
 * (matched on that field). `milestones` give the status shown in lists: the first one that
 * happened wins. The live-progress subject is `<kind>:<id>`.
 */
export const trackedKinds = {
  brief: {
    label: "Brief",
    path: "/briefs",
    idField: "briefId",
    start: briefSubmitted.name,
    events: [briefSubmitted.name, briefUpdated.name, briefAnalysed.name, briefApproved.name, briefWithdrawn.name, projectCreated.name],
    milestones: [
      [briefWithdrawn.name, "Withdrawn"],
      [projectCreated.name, "Project created"],
      [briefApproved.name, "Approved"],
      [briefAnalysed.name, "Analysed, awaiting approval"],
    ],
    initialStatus: "Submitted",
  },
  asset: {
    label: "Asset",
    path: "/assets",
    idField: "assetId",
    start: assetUploaded.name,
    events: [assetUploaded.name, assetProcessed.name, assetTagged.name],
    milestones: [
      [assetTagged.name, "Tagged"],
      [assetProcessed.name, "Renditions ready"],
    ],
    initialStatus: "Registered",
  },
  invoice: {
    label: "Invoice",
    path: "/invoices",
    idField: "invoiceId",
    start: invoiceIssued.name,
    events: [invoiceIssued.name, invoicePaid.name],
    milestones: [[invoicePaid.name, "Paid"]],
    initialStatus: "Issued, awaiting payment",
  },
  reminder: {
    label: "Reminder",
    path: "/reminders",
    idField: "reminderId",
    start: reminderScheduled.name,
    events: [reminderScheduled.name],
    milestones: [],
    initialStatus: "Scheduled",
  },
} as const;

export type TrackedKind = keyof typeof trackedKinds;

export function isTrackedKind(value: string): value is TrackedKind {
  return Object.hasOwn(trackedKinds, value);
}
