import { undocumentedVariables } from "@studio/vitest-config/docs";
import { describe, expect, it } from "vitest";
import { webEnvSchema } from "./env.ts";

describe("the web app's configuration docs", () => {
  it("document every variable the web app reads", () => {
    expect(undocumentedVariables(Object.keys(webEnvSchema.shape), ["docs/configuration.md", "docs/web.md"])).toEqual([]);
  });
});
