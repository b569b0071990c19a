import {
  assetUploaded,
  briefApproved,
  briefSubmitted,
  briefUpdated,
  briefWithdrawn,
  invoiceIssued,
  invoicePaid,
  reminderScheduled,
  type ContractEventType,
  type EventSchema,
} from "@studio/events";

/** An event the web app sends. All of them describe a unique fact, so all carry a dedupe id. */
export type ProducibleEvent = ContractEventType<string, EventSchema, true>;

/**
 * Every event the web app produces, by the part of its name after the domain (used in the JSON
 * API path: POST /api/events/brief.submitted).
 */
export const producibleEvents = {
  "brief.submitted": briefSubmitted,
  "brief.updated": briefUpdated,
  "brief.approved": briefApproved,
  "brief.withdrawn": briefWithdrawn,
  "asset.uploaded": assetUploaded,
  "invoice.issued": invoiceIssued,
  "invoice.paid": invoicePaid,
  "reminder.scheduled": reminderScheduled,
} as const satisfies Record<string, ProducibleEvent>;

export type ProducibleEventKey = keyof typeof producibleEvents;

export function isProducibleEventKey(key: string): key is ProducibleEventKey {
  return Object.hasOwn(producibleEvents, key);
}
