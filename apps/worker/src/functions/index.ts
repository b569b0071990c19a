import { chaseInvoice } from "./chase-invoice.ts";
import { indexAssets } from "./index-assets.ts";
import { intakeBrief } from "./intake-brief.ts";
import { intakeBriefCancelled } from "./intake-brief-cancelled.ts";
import { ping } from "./ping.ts";
import { processAsset } from "./process-asset.ts";
import { sendDigest } from "./send-digest.ts";
import { sendInvoiceReminder } from "./send-invoice-reminder.ts";
import { sendReminder } from "./send-reminder.ts";
import { weeklyDigest } from "./weekly-digest.ts";

/** Every function this app serves (each workflow's onFailure handler is registered with it). */
export const functions = [
  ping,
  intakeBrief,
  intakeBriefCancelled,
  processAsset,
  indexAssets,
  chaseInvoice,
  sendInvoiceReminder,
  sendReminder,
  weeklyDigest,
  sendDigest,
];
