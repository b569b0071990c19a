import { automationFailed } from "@studio/events";
import type { FailureEventArgs } from "inngest";
import { describe, expect, it } from "vitest";
import { reportFailure } from "./report-failure.ts";

type Args = Parameters<typeof reportFailure>[0];

/** reportFailure with step tools that record what they were given (the engine runs it for real in ai-app.e2e). */
function handle(event: unknown, answer: () => Promise<Response> = () => Promise.resolve(new Response("ok"))) {
  const sent: { id: string; payload: { name: string; data: unknown } }[] = [];
  const posted: { url: string; init: RequestInit }[] = [];
  const logged: string[] = [];
  const step = {
    sendEvent: (id: string, payload: { name: string; data: unknown }) => {
      sent.push({ id, payload });
      return Promise.resolve({ ids: ["e1"] });
    },
    fetch: (url: string, init: RequestInit) => {
      posted.push({ url, init });
      return answer();
    },
  };
  const logger = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: (_: unknown, msg: string) => void logged.push(msg) };
  const run = reportFailure({ event, error: new Error("x"), step, logger } as unknown as Args & FailureEventArgs);
  return { run, sent, posted, logged };
}

const failed = (message: string) => ({
  name: "inngest/function.failed",
  data: {
    function_id: "studio-ai-reanalyse-brief",
    run_id: "01JRUN",
    error: { name: "NonRetriableError", message },
    event: { name: "studio/brief.updated", id: "01JEVT", data: { briefId: "brief_01", encrypted: { description: "secret brief text" } } },
  },
});

describe("reportFailure (onFailure of analyse-brief, reanalyse-brief, tag-asset)", () => {
  it("sends one studio/automation.failed built from Inngest's failure event, then alerts the team channel", async () => {
    const { run, sent, posted } = handle(failed('No model could answer step "analyse"'));
    const data = await run;
    expect(sent.map((s) => [s.id, s.payload.name])).toEqual([["report-failure", automationFailed.name]]);
    const { alerted: _alerted, ...reported } = data;
    expect(sent[0]!.payload.data).toEqual(reported);
    expect(data).toMatchObject({ functionId: "reanalyse-brief", trigger: { name: "studio/brief.updated", id: "01JEVT" }, compensated: false, alerted: true });
    expect(posted.map((p) => p.url)).toEqual(["http://127.0.0.1:9/team-hook"]);
    expect(JSON.parse((posted[0]!.init.body as string))).toEqual({
      text: ':warning: reanalyse-brief failed for brief brief_01 (run 01JRUN): NonRetriableError: No model could answer step "analyse"',
    });
  });

  it("keeps e-mail addresses and the brief's text out of the event and the alert", async () => {
    const { run, sent, posted } = handle(failed("provider rejected: the prompt quotes ada@example.com"));
    await run;
    expect((sent[0]!.payload.data as { error: { message: string } }).error.message).toBe("provider rejected: the prompt quotes [email]");
    expect((posted[0]!.init.body as string)).not.toContain("ada@example.com");
    expect((posted[0]!.init.body as string)).not.toContain("secret brief text");
  });

  it("still reports when the team channel is down, and logs that the alert was lost", async () => {
    const { run, sent, logged } = handle(failed("boom"), () => Promise.resolve(new Response("down", { status: 503 })));
    expect(await run).toMatchObject({ alerted: false });
    expect(sent).toHaveLength(1);
    expect(logged).toEqual(["reanalyse-brief: the team channel refused the failure alert"]);
  });
});
