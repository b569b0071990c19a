import { undocumentedVariables } from "@studio/vitest-config/docs";
import { describe, expect, it } from "vitest";
import { workerEnvSchema } from "./env.ts";

describe("the worker's configuration docs", () => {
  it("document every variable the worker reads", () => {
    expect(undocumentedVariables(Object.keys(workerEnvSchema.shape), ["docs/configuration.md", "docs/worker.md"])).toEqual([]);
  });
});
