import { type FailureArgs } from "../failures/report-failure.ts";
import { createWebhook } from "../services/webhook.ts";
import { outside } from "./current-services.ts";

type Sent = { id: string; payload: { name: string; data: Record<string, unknown>; validate?: () => Promise<void> } };

/**
 * Arguments for a failure handler called as a plain function (@inngest/test cannot select an
 * onFailure handler). Step tools are small stand-ins that behave like Inngest's: `fetch` makes
 * the real HTTP request (as Inngest's gateway does for step.fetch) to the fake services, `sleep`
 * returns at once, `sendEvent` and realtime `publish` are recorded.
 */
export function failureArgs(opts: { functionSlug: string; original?: unknown; error: Error; runId?: string }) {
  const sent: Sent[] = [];
  const published: { id: string; topic: string; data: unknown }[] = [];
  const sleeps: [string, unknown][] = [];
  const logged: { level: string; message: unknown }[] = [];
  const log = (level: string) => (_fields: unknown, message?: unknown) => void logged.push({ level, message });
  const step = {
    sendEvent: (id: string, payload: Sent["payload"]) => {
      sent.push({ id, payload });
      return Promise.resolve({ ids: [`evt-${sent.length}`] });
    },
    fetch: (url: string, init: RequestInit) => fetch(url, init),
    run: (_id: string, fn: () => Promise<unknown>) => fn(),
    sleep: (id: string, duration: unknown) => {
      sleeps.push([id, duration]);
      return Promise.resolve();
    },
    realtime: {
      publish: (id: string, topic: { topic: string }, data: unknown) => {
        published.push({ id, topic: topic.topic, data });
        return Promise.resolve(data);
      },
    },
  };
  const args = {
    event: {
      name: "inngest/function.failed" as const,
      data: {
        function_id: opts.functionSlug,
        run_id: opts.runId ?? "01FAILEDRUN",
        error: { name: opts.error.name, message: opts.error.message },
        event: opts.original,
      },
    },
    error: opts.error,
    step,
    logger: { info: log("info"), warn: log("warn"), error: log("error"), debug: log("debug") },
    // step.fetch, as the unit tests' worker (WEBHOOK_VIA_INNGEST, no token) sends team messages.
    webhook: createWebhook({ url: `${outside().url}/webhook`, viaInngest: true, timeoutMs: 5_000, targets: { hosts: [], allowPrivate: false } }),
  } as unknown as FailureArgs;
  return { args, sent, published, sleeps, logged };
}
