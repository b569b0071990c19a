/** An event as the Inngest REST API returns it (`GET /v1/events`). */
export type StoredEvent = {
  /** Inngest's own id (a ULID): the key for `/v1/events/{id}/runs`. */
  internal_id: string;
  /** The id the producer set: the contract's dedupe id for Studio events. */
  id?: string;
  name: string;
  data: Record<string, unknown>;
  ts?: number;
  received_at: string;
};

/** Run statuses of the v1 API (capitalised there). */
export type RunStatus = "Queued" | "Scheduled" | "Running" | "Completed" | "Failed" | "Cancelled" | "Skipped" | (string & {});

/** A function run as the v1 API returns it. `function_id` is an internal UUID, not the slug. */
export type StoredRun = {
  run_id: string;
  function_id: string;
  event_id?: string;
  status: RunStatus;
  run_started_at?: string;
  ended_at?: string | null;
  output?: unknown;
};

/** A registered function (`GET /v1/apps/{app}/functions`): `id` is the slug `<appId>-<fnId>`. */
export type StoredFunction = { internal_id: string; id: string; name: string };

/**
 * A finished run's result: the function's return value, or its final error. `invoked` holds what
 * the run's `step.invoke` calls returned (read from the Dev Server's traces; not on Cloud).
 */
export type RunOutput = {
  data?: unknown;
  error?: { name?: string; message: string };
  invoked?: Array<{ step: string; data: unknown }>;
};
