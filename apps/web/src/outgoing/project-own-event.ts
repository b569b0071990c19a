import {
  assetUploaded,
  briefApproved,
  briefSubmitted,
  briefUpdated,
  briefWithdrawn,
  invoiceIssued,
  invoicePaid,
  reminderScheduled,
  type EventData,
} from "@studio/events";
import { type Database } from "../db/open-database.ts";
import { projectAssetUploaded } from "../projections/assets/project-asset-uploaded.ts";
import { projectBriefApproved } from "../projections/briefs/project-brief-approved.ts";
import { projectBriefSubmitted } from "../projections/briefs/project-brief-submitted.ts";
import { projectBriefUpdated } from "../projections/briefs/project-brief-updated.ts";
import { projectBriefWithdrawn } from "../projections/briefs/project-brief-withdrawn.ts";
import { projectInvoiceIssued } from "../projections/invoices/project-invoice-issued.ts";
import { projectInvoicePaid } from "../projections/invoices/project-invoice-paid.ts";
import { projectReminderScheduled } from "../projections/reminders/project-reminder-scheduled.ts";
import { type ProjectionInput, type ProjectionOutcome } from "../projections/projection-input.ts";
import { type Seal } from "../projections/seal.ts";

type Projector = (db: Database, seal: Seal, event: ProjectionInput<never>) => Promise<ProjectionOutcome>;
const as = <T>(fn: (db: Database, seal: Seal, event: ProjectionInput<T>) => Promise<ProjectionOutcome>) => fn as Projector;

/** The projection of each event the console sends, by event name. */
const projectors: Record<string, Projector> = {
  [briefSubmitted.name]: as(projectBriefSubmitted),
  [briefUpdated.name]: as(projectBriefUpdated),
  [briefApproved.name]: as<EventData<typeof briefApproved>>((db, _seal, event) => projectBriefApproved(db, event)),
  [briefWithdrawn.name]: as<EventData<typeof briefWithdrawn>>((db, _seal, event) => projectBriefWithdrawn(db, event)),
  [assetUploaded.name]: as<EventData<typeof assetUploaded>>((db, _seal, event) => projectAssetUploaded(db, event)),
  [invoiceIssued.name]: as(projectInvoiceIssued),
  [invoicePaid.name]: as<EventData<typeof invoicePaid>>((db, _seal, event) => projectInvoicePaid(db, event)),
  [reminderScheduled.name]: as((db, seal, event: ProjectionInput<EventData<typeof reminderScheduled>>) => projectReminderScheduled(db, seal, event)),
};

/**
 * Applies an event the console is about to send to its own read model, under the same event id
 * the projection function will see: the operator's page shows the change at once, and the later
 * delivery of the event changes nothing (see applyOnce).
 */
export async function projectOwnEvent(db: Database, seal: Seal, event: ProjectionInput<unknown>): Promise<ProjectionOutcome | undefined> {
  const project = projectors[event.name];
  return project ? project(db, seal, event as ProjectionInput<never>) : undefined;
}
