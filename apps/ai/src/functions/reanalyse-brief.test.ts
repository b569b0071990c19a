import { briefAnalysed, briefAnalysedV2, briefUpdated } from "@studio/events";
import { briefAnalysedFixtures, briefUpdatedFixtures } from "@studio/events/fixtures";
import { describe, expect, it } from "vitest";
import { inngest } from "../client.ts";
import { executeFunction } from "../testing/execute-function.ts";
import { analyseBriefFunction, reanalyseBriefFunction } from "./index.ts";
import { createReanalyseBrief, TITLE_NOT_IN_UPDATE } from "./reanalyse-brief.ts";

const updated = (data: (typeof briefUpdatedFixtures.valid)[number]) => ({ name: briefUpdated.name, data });

describe("reanalyse-brief: debounce", () => {
  it("is debounced per brief with REANALYSE_DEBOUNCE (default 30s) and capped by REANALYSE_MAX_WAIT", () => {
    expect(reanalyseBriefFunction.opts.debounce).toEqual({ key: "event.data.briefId", period: "30s", timeout: "10m" });
  });

  it("takes its periods from the deps, so env changes reach the registered config", () => {
    const fn = createReanalyseBrief(inngest, { analyseBrief: analyseBriefFunction, debounce: "2m", maxWait: "1h" });
    expect(fn.opts.debounce).toEqual({ key: "event.data.briefId", period: "2m", timeout: "1h" });
  });

  it("listens to studio/brief.updated only", () => {
    expect((reanalyseBriefFunction.opts.triggers as unknown as Array<{ name: string }>).map((t) => t.name)).toEqual(["studio/brief.updated"]);
  });
});

describe("reanalyse-brief: run", () => {
  const analysis = { ...briefAnalysedFixtures.valid[0], revision: 2 };

  it("invokes analyse-brief with the latest revision and emits ai/brief.analysed with its result", async () => {
    const { result, error, ctx, sent } = await executeFunction(reanalyseBriefFunction, {
      events: [updated(briefUpdatedFixtures.valid[0])],
      invoke: { analyse: analysis },
    });
    expect(error).toBeUndefined();
    expect(result).toEqual(analysis);
    expect(ctx.step.invoke).toHaveBeenCalledWith("analyse", {
      function: analyseBriefFunction,
      data: { briefId: "brief_01", revision: 2, encrypted: briefUpdatedFixtures.valid[0].encrypted },
    });
    // v2: the analysis (about the client's brief) travels under data.encrypted.
    const { analysis: analysed, ...facts } = analysis;
    expect(sent).toEqual([{ name: briefAnalysed.name, data: { ...facts, encrypted: { analysis: analysed } } }]);
    expect(() => briefAnalysedV2.schema.parse(sent[0]!.data)).not.toThrow();
  });

  it("says so, rather than inventing a title, when the update carries only the description", async () => {
    const { ctx } = await executeFunction(reanalyseBriefFunction, {
      events: [updated(briefUpdatedFixtures.valid[1])],
      invoke: { analyse: { ...analysis, revision: 1 } },
    });
    expect(ctx.step.invoke).toHaveBeenCalledWith("analyse", expect.objectContaining({
      data: { briefId: "brief_01", revision: 1, encrypted: { title: TITLE_NOT_IN_UPDATE, description: "Only the description changed." } },
    }));
  });

  it("does not emit anything when the analysis fails", async () => {
    const { error, sent } = await executeFunction(reanalyseBriefFunction, {
      events: [updated(briefUpdatedFixtures.valid[0])],
      failSteps: { analyse: "analyse: the model's answer was malformed twice" },
    });
    expect(error).toMatchObject({ message: "analyse: the model's answer was malformed twice" });
    expect(sent).toEqual([]);
  });
});
