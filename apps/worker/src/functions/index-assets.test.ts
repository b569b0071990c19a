import { assetProcessedFixtures } from "@studio/events/fixtures";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { fetchStepId, gatewayAnswer, runFunction, teamMessages, expectError } from "../testing/run-function.ts";
import { indexAssets } from "./index-assets.ts";

const processed = (assetId: string, sizes = ["thumb", "web"] as const) => ({
  name: "studio/asset.processed",
  data: {
    ...assetProcessedFixtures.valid[0],
    assetId,
    renditions: sizes.map((size) => ({ size, url: `https://cdn.example.com/${assetId}/${size}.png`, width: 100 })),
  },
});

describe("index-assets", () => {
  beforeEach(() => outside().reset());

  it("announces a whole batch in one team message, the latest event per asset winning", async () => {
    const { result, error, ctx } = await runFunction(indexAssets, {
      events: [processed("asset_a"), processed("asset_b"), processed("asset_a", ["thumb", "web", "print"] as never)],
      steps: { [fetchStepId("127.0.0.1")]: gatewayAnswer(200, "ok") },
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({ indexed: 2, projects: ["project_01"] });
    expect(teamMessages(ctx.step.fetch)).toEqual([
      "2 assets ready in project project_01: asset_a (thumb, web, print); asset_b (thumb, web)",
    ]);
    expect(outside().published().map((p) => [p.channel, p.data["step"], p.data["state"]])).toEqual([
      ["studio-progress:asset:asset_a", "index", "done"],
      ["studio-progress:asset:asset_b", "index", "done"],
    ]);
  });

  it("fails when the team webhook rejects the announcement", async () => {
    const { error } = await runFunction(indexAssets, {
      events: [processed("asset_a")],
      steps: { [fetchStepId("127.0.0.1")]: gatewayAnswer(410, "hook removed") },
    });
    expectError(error, "NonRetriableError", "webhook rejected the request with HTTP 410");
  });
});
