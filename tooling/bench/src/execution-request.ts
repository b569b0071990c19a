import { randomUUID } from "node:crypto";

/**
 * The first execution request Inngest sends for a new run of `functionSlug` (no steps done yet),
 * signed with `sign` (signatureHeader from @studio/middleware/testing), as a plain object that
 * can be handed to another process. The signature is valid for 5 minutes.
 */
export function executionRequest(o: {
  functionSlug: string;
  event: { name: string; data: Record<string, unknown> };
  signingKey: string;
  sign: (body: string, signingKey: string) => string;
  url?: string;
}): { url: string; body: string; headers: Record<string, string> } {
  const event = { id: `evt-${randomUUID()}`, ts: Date.now(), ...o.event };
  const body = JSON.stringify({
    event,
    events: [event],
    steps: {},
    ctx: { run_id: `01BENCH${randomUUID().replaceAll("-", "").slice(0, 19).toUpperCase()}`, attempt: 0, max_attempts: 1, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
    version: 2,
  });
  const url = new URL(o.url ?? "http://127.0.0.1/api/inngest");
  url.searchParams.set("fnId", o.functionSlug);
  url.searchParams.set("stepId", "step");
  return { url: url.href, body, headers: { "content-type": "application/json", host: url.host, "x-inngest-signature": o.sign(body, o.signingKey) } };
}

/**
 * A bare Inngest Hono app (no middleware) serving one function that answers `eventName` with a
 * small object, as JavaScript source: the floor for "import + first request".
 */
export const bareHonoAppSource = ({ appId, functionId, eventName }: { appId: string; functionId: string; eventName: string }) => `
import { Hono } from "hono";
import { Inngest } from "inngest";
import { serve } from "inngest/hono";
const client = new Inngest({ id: ${JSON.stringify(appId)}, isDev: false, signingKey: process.env.INNGEST_SIGNING_KEY });
const fn = client.createFunction({ id: ${JSON.stringify(functionId)}, triggers: [{ event: ${JSON.stringify(eventName)} }] }, ({ event }) => ({ app: client.id, echo: event.data }));
const app = new Hono();
app.on(["GET", "PUT", "POST"], "/api/inngest", serve({ client, functions: [fn] }));
export default app;
`;
