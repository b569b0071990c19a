import {
  assetUploaded,
  briefApproved,
  briefSubmitted,
  briefUpdated,
  briefWithdrawn,
  invoiceIssued,
  invoicePaid,
  reminderScheduledV2,
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
  // v2 only: the target is typed by channel (an email address, or a webhook URL), each validated
  // here before anything is sent. v1's free-text `to` is deprecated and no longer produced.
  "reminder.scheduled": reminderScheduledV2,
} as const satisfies Record<string, ProducibleEvent>;

export type ProducibleEventKey = keyof typeof producibleEvents;

export function isProducibleEventKey(key: string): key is ProducibleEventKey {
  return Object.hasOwn(producibleEvents, key);
}
