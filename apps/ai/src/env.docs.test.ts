import { undocumentedVariables } from "@studio/vitest-config/docs";
import { describe, expect, it } from "vitest";
import { aiEnvSchema } from "./env.ts";

describe("the AI app's configuration docs", () => {
  it("document every variable the AI app reads", () => {
    expect(undocumentedVariables(Object.keys(aiEnvSchema.shape), ["docs/configuration.md", "docs/ai.md"])).toEqual([]);
  });
});
