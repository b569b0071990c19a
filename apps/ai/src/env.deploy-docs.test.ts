import { secretFieldNames, studioEnvSchema } from "@studio/middleware";
import { deployEnvTableProblems } from "@studio/vitest-config/deploy-env-tables";
import { describe, expect, it } from "vitest";
import { aiEnvSchema } from "./env.ts";

describe("docs/deploy/environment.md for the ai app", () => {
  it("lists exactly the variables env.ts reads, and marks secret exactly those it declares secret", () => {
    const problems = deployEnvTableProblems({
      section: "ai",
      variables: Object.keys(aiEnvSchema.shape),
      secrets: secretFieldNames(aiEnvSchema),
      shared: Object.keys(studioEnvSchema.shape),
    });
    expect(problems).toEqual([]);
  });
});
