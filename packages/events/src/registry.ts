import { type AnyContractEvent } from "./contract/contract-event-type.ts";
import { assetProcessed } from "./events/asset-processed.ts";
import { assetTagged } from "./events/asset-tagged.ts";
import { assetTaggedV2 } from "./events/asset-tagged-v2.ts";
import { assetUploaded } from "./events/asset-uploaded.ts";
import { automationFailed } from "./events/automation-failed.ts";
import { briefAnalysed } from "./events/brief-analysed.ts";
import { briefAnalysedV2 } from "./events/brief-analysed-v2.ts";
import { briefApproved } from "./events/brief-approved.ts";
import { briefSubmitted } from "./events/brief-submitted.ts";
import { briefUpdated } from "./events/brief-updated.ts";
import { briefWithdrawn } from "./events/brief-withdrawn.ts";
import { diagnosticsPinged } from "./events/diagnostics-pinged.ts";
import { digestRequested } from "./events/digest-requested.ts";
import { invoiceIssued } from "./events/invoice-issued.ts";
import { invoicePaid } from "./events/invoice-paid.ts";
import { projectCreated } from "./events/project-created.ts";
import { reminderScheduled } from "./events/reminder-scheduled.ts";
import { reminderScheduledV2 } from "./events/reminder-scheduled-v2.ts";
import { analyseBriefContract } from "./functions/analyse-brief.ts";
import { workflowProgressContract } from "./realtime/workflow-progress.ts";

/** Every event of the contract, in catalog order. Generators and the compatibility gate read this. */
export const allEvents: readonly AnyContractEvent[] = [
  briefSubmitted,
  briefUpdated,
  briefApproved,
  briefWithdrawn,
  projectCreated,
  assetUploaded,
  assetProcessed,
  assetTagged,
  assetTaggedV2,
  invoiceIssued,
  invoicePaid,
  reminderScheduled,
  reminderScheduledV2,
  digestRequested,
  automationFailed,
  briefAnalysed,
  briefAnalysedV2,
  diagnosticsPinged,
];

/** Every cross-app invoke target of the contract. */
export const allFunctions = [analyseBriefContract] as const;

/** Every cross-app realtime channel of the contract (worker publishes, web subscribes). */
export const allChannels = [workflowProgressContract] as const;
