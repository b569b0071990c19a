import { analyseBriefReturnSchema } from "@studio/events";
import { analyseBriefFixtures } from "@studio/events/fixtures";
import { describe, expect, it } from "vitest";
import { executeFunction } from "../testing/execute-function.ts";
import { analyseBriefFunction } from "./index.ts";

const invoked = (data: unknown) => ({ name: "inngest/function.invoked", data: data as Record<string, unknown> });

describe("analyse-brief with the offline model (no keys)", () => {
  it("returns a contract-valid, clearly labelled placeholder", async () => {
    const { result, error } = await executeFunction(analyseBriefFunction, { events: [invoked(analyseBriefFixtures.data.valid[0])] });
    expect(error).toBeUndefined();
    const parsed = analyseBriefReturnSchema.parse(result);
    expect(parsed.model).toEqual({ provider: "offline", name: "offline-heuristic", offline: true });
    expect(parsed.analysis.summary).toMatch(/^OFFLINE PLACEHOLDER, not an AI analysis/);
    expect(parsed.analysis.estimate.confidence).toBe("low");
    expect(parsed.briefId).toBe("brief_01");
  });
});
