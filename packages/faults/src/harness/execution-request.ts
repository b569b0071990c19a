import { randomUUID } from "node:crypto";

export type TriggerEvent = { name: string; data: Record<string, unknown>; id?: string; ts?: number };

/**
 * The first request Inngest sends to a serve endpoint to run a function for `event` (no step done
 * yet), as URL and body, so a test can send it signed, unsigned or altered.
 */
export function executionRequest(serveUrl: string, functionSlug: string, trigger: TriggerEvent): { url: string; body: string } {
  const event = { id: `evt-${randomUUID()}`, ts: Date.now(), ...trigger };
  const url = new URL(serveUrl);
  url.searchParams.set("fnId", functionSlug);
  url.searchParams.set("stepId", "step");
  const body = JSON.stringify({
    event,
    events: [event],
    steps: {},
    ctx: {
      run_id: `01FAULTS${randomUUID().replaceAll("-", "").slice(0, 18).toUpperCase()}`,
      attempt: 0,
      max_attempts: 4,
      disable_immediate_execution: false,
      use_api: false,
      stack: { stack: [], current: 0 },
    },
    version: 2,
  });
  return { url: url.toString(), body };
}
