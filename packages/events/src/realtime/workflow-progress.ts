import { realtime } from "inngest";
import { z } from "zod";
import { type ChannelContractLike } from "../json-schema/channel-json-schema.ts";

/**
 * What a workflow publishes while it runs, so the operator UI can show progress live.
 * One channel per tracked item (`subject` = "<kind>:<id>", e.g. "brief:b_123"); the worker
 * publishes, the web app subscribes with a token it mints on the server.
 */
export const progressUpdateSchema = z.object({
  /** Function id of the workflow, e.g. "intake-brief". */
  workflow: z.string().min(1),
  /** Stable step key, e.g. "analyse" (the UI keys its list on it). */
  step: z.string().min(1),
  /** Human label, e.g. "AI analysis". */
  label: z.string().min(1).max(120),
  state: z.enum(["started", "done", "waiting", "failed", "skipped"]),
  at: z.iso.datetime(),
  detail: z.string().max(500).optional(),
});
export type ProgressUpdate = z.infer<typeof progressUpdateSchema>;

/** The final outcome of a workflow for its item (e.g. the analysis, the project id). */
export const workflowResultSchema = z.object({
  workflow: z.string().min(1),
  outcome: z.enum(["completed", "expired", "cancelled", "failed"]),
  at: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type WorkflowResult = z.infer<typeof workflowResultSchema>;

export const workflowProgress = realtime.channel({
  name: ({ subject }: { subject: string }) => `studio-progress:${subject}`,
  topics: {
    progress: { schema: progressUpdateSchema },
    result: { schema: workflowResultSchema },
  },
});

/**
 * Contract metadata of the channel, for the catalog and the compatibility gate. Each topic's
 * payload is held to the same FULL-compatibility rules as an event's `data`: worker and web deploy
 * separately, so either side may be on the previous contract.
 */
export const workflowProgressContract = {
  key: "studio-progress",
  // Derived from the runtime name function, so the documented pattern cannot drift from it.
  address: workflowProgress({ subject: "{subject}" }).name,
  parameters: { subject: 'the tracked item as "<kind>:<id>", e.g. "brief:b_123".' },
  owner: "worker",
  publishers: ["worker"],
  subscribers: ["web"],
  exportName: "workflowProgress",
  description: "Live progress of a workflow for one tracked item, streamed to the operator UI.",
  topics: {
    progress: { schema: progressUpdateSchema, description: "One step of the workflow started, finished, waits, failed or was skipped." },
    result: { schema: workflowResultSchema, description: "The workflow ended for the item; the last message on the channel for that run." },
  },
} as const satisfies ChannelContractLike;
