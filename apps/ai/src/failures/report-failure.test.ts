import { automationFailed } from "@studio/events";
import type { FailureEventArgs } from "inngest";
import { describe, expect, it, vi } from "vitest";
import { reportFailure } from "./report-failure.ts";

describe("reportFailure (onFailure of analyse-brief, reanalyse-brief, tag-asset)", () => {
  it("sends one studio/automation.failed built from Inngest's failure event", async () => {
    const sendEvent = vi.fn(() => Promise.resolve({ ids: ["e1"] }));
    const event = {
      name: "inngest/function.failed",
      data: {
        function_id: "studio-ai-reanalyse-brief",
        run_id: "01JRUN",
        error: { name: "NonRetriableError", message: 'No model could answer step "analyse"' },
        event: { name: "studio/brief.updated", id: "01JEVT", data: { briefId: "brief_01" } },
      },
    };
    const data = await reportFailure({ event, error: new Error("x"), step: { sendEvent } } as unknown as Parameters<typeof reportFailure>[0] & FailureEventArgs);
    expect(sendEvent).toHaveBeenCalledTimes(1);
    const [id, payload] = sendEvent.mock.calls[0] as unknown as [string, { name: string; data: unknown }];
    expect(id).toBe("report-failure");
    expect(payload.name).toBe(automationFailed.name);
    expect(payload.data).toEqual(data);
    expect(data).toMatchObject({ functionId: "reanalyse-brief", trigger: { name: "studio/brief.updated", id: "01JEVT" }, compensated: false });
  });
});
