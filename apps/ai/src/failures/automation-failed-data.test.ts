import { automationFailed } from "@studio/events";
import { describe, expect, it } from "vitest";
import { automationFailedData } from "./automation-failed-data.ts";

describe("automationFailedData (the onFailure payload of every AI function)", () => {
  it("describes the failed run in the contract's shape", () => {
    const data = automationFailedData({
      function_id: "studio-ai-analyse-brief",
      run_id: "01JRUN",
      error: { name: "MalformedAnswerError", message: "analyse: the model's answer was malformed twice" },
      event: { name: "inngest/function.invoked", id: "01JEVT" },
    });
    expect(data).toEqual({
      app: "studio-ai",
      functionId: "analyse-brief",
      runId: "01JRUN",
      trigger: { name: "inngest/function.invoked", id: "01JEVT" },
      error: { name: "MalformedAnswerError", message: "analyse: the model's answer was malformed twice" },
      compensated: false,
    });
    expect(automationFailed.schema.safeParse(data).success).toBe(true);
  });

  it("stays valid with a sparse error and a very long message", () => {
    const data = automationFailedData({ function_id: "other", run_id: "r", error: { message: "m".repeat(9000) }, event: { name: "studio/asset.processed" } });
    expect(data.error.name).toBe("Error");
    expect(data.functionId).toBe("other");
    expect(automationFailed.schema.safeParse(data).success).toBe(true);
  });

  it("still reports a failure whose event lacks the original trigger or error", () => {
    const data = automationFailedData({ function_id: "studio-ai-tag-asset", run_id: "r" });
    expect(data).toMatchObject({ functionId: "tag-asset", trigger: { name: "unknown" }, error: { name: "Error", message: "" } });
    expect(automationFailed.schema.safeParse(data).success).toBe(true);
  });
});
