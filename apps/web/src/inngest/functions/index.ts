import { ping } from "./ping.ts";
import { assetProcessedProjection } from "./project-asset-processed.ts";
import { assetTaggedProjection } from "./project-asset-tagged.ts";
import { assetUploadedProjection } from "./project-asset-uploaded.ts";
import { automationFailedProjection } from "./project-automation-failed.ts";
import { briefAnalysedProjection } from "./project-brief-analysed.ts";
import { briefApprovedProjection } from "./project-brief-approved.ts";
import { briefSubmittedProjection } from "./project-brief-submitted.ts";
import { briefUpdatedProjection } from "./project-brief-updated.ts";
import { briefWithdrawnProjection } from "./project-brief-withdrawn.ts";
import { invoiceIssuedProjection } from "./project-invoice-issued.ts";
import { invoicePaidProjection } from "./project-invoice-paid.ts";
import { projectCreatedProjection } from "./project-project-created.ts";
import { reminderScheduledProjection } from "./project-reminder-scheduled.ts";

/**
 * Every function the web app serves: the diagnostics ping, and the projections that keep the
 * console's database (its read model) up to date with the contract's events.
 */
export const functions = [
  ping,
  briefSubmittedProjection,
  briefUpdatedProjection,
  briefApprovedProjection,
  briefWithdrawnProjection,
  projectCreatedProjection,
  briefAnalysedProjection,
  assetUploadedProjection,
  assetProcessedProjection,
  assetTaggedProjection,
  invoiceIssuedProjection,
  invoicePaidProjection,
  reminderScheduledProjection,
  automationFailedProjection,
];
