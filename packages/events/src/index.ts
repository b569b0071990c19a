export { appIds, type AppId, type AppKey, type Party } from "./apps.ts";

export {
  ContractEventType,
  type AnyContractEvent,
  type Deprecation,
  type EventContract,
  type EventSchema,
} from "./contract/contract-event-type.ts";
export { defineEvent } from "./contract/define-event.ts";
export { EventContractError, type ContractIssue } from "./contract/event-contract-error.ts";
export { assertValid } from "./contract/assert-valid.ts";
export { createWithDedupe, type CreateOptions } from "./contract/create-with-dedupe.ts";
export { dedupeId } from "./contract/dedupe-id.ts";
export { dedupeKey } from "./contract/dedupe-key.ts";
export { scheduleAt } from "./contract/schedule-at.ts";
export type { EventData, EventName, EventOf } from "./contract/types.ts";

export { briefAnalysisSchema, type BriefAnalysis } from "./shared/brief-analysis.ts";
export { moneySchema, type Money } from "./shared/money.ts";
export { modelInfoSchema, usageSchema, type ModelInfo, type Usage } from "./shared/model.ts";

export { assetProcessed } from "./events/asset-processed.ts";
export { assetTagged } from "./events/asset-tagged.ts";
export { assetTaggedV2 } from "./events/asset-tagged-v2.ts";
export { assetUploaded } from "./events/asset-uploaded.ts";
export { automationFailed } from "./events/automation-failed.ts";
export { briefAnalysed } from "./events/brief-analysed.ts";
export { briefAnalysedV2 } from "./events/brief-analysed-v2.ts";
export { briefApproved } from "./events/brief-approved.ts";
export { briefSubmitted } from "./events/brief-submitted.ts";
export { briefUpdated } from "./events/brief-updated.ts";
export { briefWithdrawn } from "./events/brief-withdrawn.ts";
export { diagnosticsPinged } from "./events/diagnostics-pinged.ts";
export { digestRequested } from "./events/digest-requested.ts";
export { invoiceIssued } from "./events/invoice-issued.ts";
export { invoicePaid } from "./events/invoice-paid.ts";
export { projectCreated } from "./events/project-created.ts";
export { reminderScheduled } from "./events/reminder-scheduled.ts";
export { reminderScheduledV2 } from "./events/reminder-scheduled-v2.ts";

export {
  analyseBrief,
  analyseBriefContract,
  analyseBriefDataSchema,
  analyseBriefReturnSchema,
  type AnalyseBriefData,
  type AnalyseBriefResult,
} from "./functions/analyse-brief.ts";

export { allChannels, allEvents, allFunctions } from "./registry.ts";

export {
  progressUpdateSchema,
  workflowProgress,
  workflowProgressContract,
  workflowResultSchema,
  type ProgressUpdate,
  type WorkflowResult,
} from "./realtime/workflow-progress.ts";
