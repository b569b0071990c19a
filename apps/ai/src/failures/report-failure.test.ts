import { automationFailed } from "@studio/events";
import type { FailureEventArgs } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRequestSink, type RequestSink } from "../testing/request-sink.ts";
import { createReportFailure } from "./report-failure.ts";

type Handler = ReturnType<typeof createReportFailure>;
type Args = Parameters<Handler>[0];

const TOKEN = "team-hook-token-4b1d";
let channel: RequestSink;
let down: RequestSink;
beforeAll(async () => {
  channel = await startRequestSink();
  down = await startRequestSink({ status: 503 });
});
afterAll(async () => {
  await channel?.stop();
  await down?.stop();
});

/**
 * The handler with step tools that record what they were given and run step.run's callback, as
 * the engine does (the engine runs it for real in ai-app.e2e and failure-alert.e2e). There is no
 * step.fetch: a handler that used it would fail here.
 */
function handle(event: unknown, hook: RequestSink, token?: string) {
  const sent: { id: string; payload: { name: string; data: unknown } }[] = [];
  const steps: string[] = [];
  const logged: string[] = [];
  const step = {
    sendEvent: (id: string, payload: { name: string; data: unknown }) => {
      sent.push({ id, payload });
      return Promise.resolve({ ids: ["e1"] });
    },
    run: (id: string, fn: () => Promise<unknown>) => {
      steps.push(id);
      return fn();
    },
  };
  const logger = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: (_: unknown, msg: string) => void logged.push(msg) };
  const report = createReportFailure({ url: `${hook.url}/team-hook`, token });
  const run = report({ event, error: new Error("x"), step, logger } as unknown as Args & FailureEventArgs);
  return { run, sent, steps, logged };
}

const failed = (message: string, runId = "01JRUN") => ({
  name: "inngest/function.failed",
  data: {
    function_id: "studio-ai-reanalyse-brief",
    run_id: runId,
    error: { name: "NonRetriableError", message },
    event: { name: "studio/brief.updated", id: "01JEVT", data: { briefId: "brief_01", encrypted: { description: "secret brief text" } } },
  },
});

const alertsOf = (hook: RequestSink, runId: string) => hook.received.filter((r) => JSON.stringify(r.body).includes(runId));

describe("reportFailure (onFailure of analyse-brief, reanalyse-brief, tag-asset, ping)", () => {
  it("sends one studio/automation.failed built from Inngest's failure event, then alerts the team channel from this process", async () => {
    const { run, sent, steps } = handle(failed('No model could answer step "analyse"', "01JRUN1"), channel, TOKEN);
    const data = await run;
    expect(sent.map((s) => [s.id, s.payload.name])).toEqual([["report-failure", automationFailed.name]]);
    const { alerted: _alerted, ...reported } = data;
    expect(sent[0]!.payload.data).toEqual(reported);
    expect(data).toMatchObject({ functionId: "reanalyse-brief", trigger: { name: "studio/brief.updated", id: "01JEVT" }, compensated: false, alerted: true });
    expect(steps).toEqual(["alert-team"]);
    const [alert] = alertsOf(channel, "01JRUN1");
    expect(alert?.path).toBe("/team-hook");
    expect(alert?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(alert?.body).toEqual({ text: ':warning: reanalyse-brief failed for brief brief_01 (run 01JRUN1): NonRetriableError: No model could answer step "analyse"' });
  });

  it("keeps e-mail addresses and the brief's text out of the event and the alert", async () => {
    const { run, sent } = handle(failed("provider rejected: the prompt quotes ada@example.com", "01JRUN2"), channel);
    await run;
    expect((sent[0]!.payload.data as { error: { message: string } }).error.message).toBe("provider rejected: the prompt quotes [email]");
    const text = JSON.stringify(alertsOf(channel, "01JRUN2"));
    expect(text).not.toContain("ada@example.com");
    expect(text).not.toContain("secret brief text");
  });

  it("still reports when the team channel is down, and logs that the alert was lost", async () => {
    const { run, sent, logged } = handle(failed("boom", "01JRUN3"), down);
    expect(await run).toMatchObject({ alerted: false });
    expect(sent).toHaveLength(1);
    expect(alertsOf(down, "01JRUN3")).toHaveLength(1);
    expect(logged).toEqual(["reanalyse-brief: the team channel refused the failure alert"]);
  });

  it("still reports when nothing answers at the channel's address", async () => {
    const gone = await startRequestSink();
    await gone.stop();
    const { run, sent, logged } = handle(failed("boom", "01JRUN4"), gone);
    expect(await run).toMatchObject({ alerted: false });
    expect(sent).toHaveLength(1);
    expect(logged).toEqual(["reanalyse-brief: the team channel refused the failure alert"]);
  });
});
