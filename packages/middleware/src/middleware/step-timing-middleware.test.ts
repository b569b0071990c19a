import { describe, expect, it } from "vitest";
import { createStudioClient } from "../client.ts";
import { collectLogLines, createTestEngine, testEnv } from "../testing/index.ts";

describe("StepTimingMiddleware", () => {
  it("logs one line per executed step with its duration and outcome, never its output", async () => {
    const logs = collectLogLines();
    const client = createStudioClient({ id: "timing", env: testEnv(), logDestination: logs.destination });
    const fn = client.createFunction({ id: "slow", triggers: { event: "t/slow" } }, async ({ step }) => {
      await step.run("wait-a-bit", async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return { confidential: "output-value" };
      });
      await step.sleep("nap", "1h"); // not executed here: no timing line
      return step.run("quick", () => 1);
    });
    const { error } = await createTestEngine(fn, { events: [{ name: "t/slow", data: {} }] }).execute();
    expect(error).toBeUndefined();

    const timings = logs.lines().filter((l) => l["msg"] === "step finished");
    expect(timings.map((l) => [l["step"], l["stepType"], l["outcome"]])).toEqual([
      ["wait-a-bit", "run", "ok"],
      ["quick", "run", "ok"],
    ]);
    expect(timings[0]?.["durationMs"]).toBeGreaterThanOrEqual(25);
    expect(timings[0]).toMatchObject({ appId: "timing", functionId: "slow", attempt: 0 });
    expect(logs.text()).not.toContain("output-value");
  });

  it("marks a step that throws as an error", async () => {
    const logs = collectLogLines();
    const client = createStudioClient({ id: "timing", env: testEnv(), logDestination: logs.destination });
    const fn = client.createFunction({ id: "flaky", triggers: { event: "t/flaky" } }, async ({ step }) => {
      await step.run("explode", () => {
        throw new Error("nope");
      });
    });
    await createTestEngine(fn, { events: [{ name: "t/flaky", data: {} }] }).execute();
    expect(logs.lines().find((l) => l["msg"] === "step finished")).toMatchObject({ step: "explode", outcome: "error" });
  });
});
