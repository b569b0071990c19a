import { realtime } from "inngest";
import { z } from "zod";

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
