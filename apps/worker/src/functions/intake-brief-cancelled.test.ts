import { briefSubmittedFixtures } from "@studio/events/fixtures";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { fetchStepId, gatewayAnswer, runFunction, teamMessages, expectError } from "../testing/run-function.ts";
import { intakeBriefCancelled } from "./intake-brief-cancelled.ts";

/** What Inngest sends when an intake-brief run is cancelled (it includes the run's event). */
const cancelled = (original: unknown) => ({
  name: "inngest/function.cancelled",
  data: { function_id: "studio-worker-intake-brief", run_id: "01RUNCANCELLED", event: original },
});
const withdrawnBrief = { name: "studio/brief.submitted", data: briefSubmittedFixtures.valid[0] };

describe("intake-brief-cancelled", () => {
  beforeEach(() => outside().reset());

  it("releases the cancelled brief's slot and publishes the cancelled outcome", async () => {
    const { result, error, ctx } = await runFunction(intakeBriefCancelled, {
      events: [cancelled(withdrawnBrief)],
      steps: { [fetchStepId("127.0.0.1")]: gatewayAnswer(200, "ok") },
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({ released: true, briefId: "brief_01", cancelledRunId: "01RUNCANCELLED" });
    expect(teamMessages(ctx.step.fetch)).toEqual([
      "Intake of brief brief_01 was cancelled (brief withdrawn or run stopped); its held slot is released.",
    ]);
    expect(outside().published()).toHaveLength(1);
    expect(outside().published()[0]).toMatchObject({ channel: "studio-progress:brief:brief_01", topic: "result", data: { outcome: "cancelled" } });
  });

  it("fails non-retriably when the cancellation carries no brief id", async () => {
    const { error, ctx } = await runFunction(intakeBriefCancelled, { events: [cancelled(undefined)] });
    expectError(error, "NonRetriableError", "carries no brief id");
    expect(ctx.step.fetch).not.toHaveBeenCalled();
  });

  it("fails when the team webhook rejects the release", async () => {
    const { error } = await runFunction(intakeBriefCancelled, {
      events: [cancelled(withdrawnBrief)],
      steps: { [fetchStepId("127.0.0.1")]: gatewayAnswer(404, "no such hook") },
    });
    expectError(error, "NonRetriableError", "webhook rejected the request with HTTP 404");
  });
});
