import { appIds } from "@studio/events";

/** Every worker function id (stable: Inngest keys runs, history and slugs on them). */
export const functionIds = {
  ping: "ping",
  intakeBrief: "intake-brief",
  intakeBriefCancelled: "intake-brief-cancelled",
  processAsset: "process-asset",
  indexAssets: "index-assets",
  chaseInvoice: "chase-invoice",
  sendInvoiceReminder: "send-invoice-reminder",
  sendReminder: "send-reminder",
  weeklyDigest: "weekly-digest",
  sendDigest: "send-digest",
} as const;

/** The slug Inngest gives a function ("studio-worker-intake-brief"); system events carry it. */
export const slugOf = (id: string) => `${appIds.worker}-${id}`;
