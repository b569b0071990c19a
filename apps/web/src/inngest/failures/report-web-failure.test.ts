import { automationFailed } from "@studio/events";
import type { FailureEventArgs } from "inngest";
import { describe, expect, it } from "vitest";
import { reportWebFailure } from "./report-web-failure.ts";

type Args = Parameters<typeof reportWebFailure>[0];

/** The handler with a sendEvent that records; the engine runs it for real in the faults suite (engine-input). */
async function handle(data: Record<string, unknown>) {
  const sent: { id: string; payload: { name: string; data: unknown } }[] = [];
  const step = {
    sendEvent: (id: string, payload: { name: string; data: unknown }) => {
      sent.push({ id, payload });
      return Promise.resolve({ ids: ["e1"] });
    },
  };
  await reportWebFailure({ event: { name: "inngest/function.failed", data }, error: new Error("x"), step } as unknown as Args & FailureEventArgs);
  return sent;
}

describe("reportWebFailure (onFailure of every web app function)", () => {
  it("sends one studio/automation.failed naming the function, the run and the ping event", async () => {
    const sent = await handle({
      function_id: "studio-web-ping",
      run_id: "01JRUN",
      error: { name: "EventValidationError", message: "pingId: Invalid input" },
      event: { name: "studio/diagnostics.pinged", id: "01JEVT", data: { pingId: 7 } },
    });
    expect(sent.map((s) => [s.id, s.payload.name])).toEqual([["report-automation-failed", automationFailed.name]]);
    expect(automationFailed.schema.parse(sent[0]!.payload.data)).toEqual({
      app: "studio-web",
      functionId: "ping",
      runId: "01JRUN",
      trigger: { name: "studio/diagnostics.pinged", id: "01JEVT" },
      error: { name: "EventValidationError", message: "pingId: Invalid input" },
      compensated: false,
    });
  });

  it("stays within the contract with a sparse failure event and a very long message", async () => {
    const sent = await handle({ function_id: "studio-web-ping", run_id: "r", error: { message: "m".repeat(9000) } });
    const data = automationFailed.schema.parse(sent[0]!.payload.data);
    expect(data).toMatchObject({ trigger: { name: "unknown" }, error: { name: "Error" } });
    expect(data.error.message).toHaveLength(4000);
  });

  it("reports a projection that could not record its event, by the projection's id", async () => {
    const sent = await handle({
      function_id: "studio-web-project-invoice-paid",
      run_id: "01JRUN2",
      error: { name: "EventValidationError", message: "invoiceId: Invalid input" },
      event: { name: "studio/invoice.paid", id: "01JEVT2", data: { invoiceId: 7 } },
    });
    expect(automationFailed.schema.parse(sent[0]!.payload.data)).toMatchObject({
      functionId: "project-invoice-paid",
      trigger: { name: "studio/invoice.paid", id: "01JEVT2" },
    });
  });

  it("reports a failure to record another app's report, but not a failure to record its own report again", async () => {
    const failedToRecord = (about: { app: string; functionId: string }) =>
      handle({
        function_id: "studio-web-project-automation-failed",
        run_id: "01JRUN3",
        error: { name: "Error", message: "connect ECONNREFUSED" },
        event: { name: automationFailed.name, id: "01JEVT3", data: { ...about, runId: "r0" } },
      });
    expect(await failedToRecord({ app: "studio-worker", functionId: "intake-brief" })).toHaveLength(1);
    expect(await failedToRecord({ app: "studio-web", functionId: "project-invoice-paid" })).toHaveLength(1);
    expect(await failedToRecord({ app: "studio-web", functionId: "project-automation-failed" })).toEqual([]);
  });
});
