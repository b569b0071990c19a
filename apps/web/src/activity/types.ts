import { type RunOutput, type RunStatus } from "../inngest-api/types.ts";

export type ActivityRun = {
  runId: string;
  /** `<appId>-<functionId>` when the function is known, else Inngest's internal id. */
  functionSlug: string;
  functionName: string;
  status: RunStatus;
  startedAt?: string;
  endedAt?: string;
  output?: RunOutput;
  /** The output is encrypted with a key this app does not have. */
  outputSealed?: boolean;
};

export type ActivityEvent = {
  internalId: string;
  /** The producer's id (the contract's dedupe id). */
  id?: string;
  name: string;
  receivedAt: string;
  /** Delivery time when it was scheduled for later. */
  ts?: number;
  data: unknown;
  dataSealed: boolean;
  /** Set when an earlier event had the same id: Inngest does not start functions for a repeat. */
  repeatOf?: string;
  runs: ActivityRun[];
};
