import { secretFieldNames, studioEnvSchema } from "@studio/middleware";
import { deployEnvTableProblems } from "@studio/vitest-config/deploy-env-tables";
import { describe, expect, it } from "vitest";
import { webEnvSchema } from "./env.ts";

describe("docs/deploy/environment.md for the web app", () => {
  it("lists exactly the variables env.ts reads, and marks secret exactly those it declares secret", () => {
    const problems = deployEnvTableProblems({
      section: "web",
      variables: Object.keys(webEnvSchema.shape),
      secrets: secretFieldNames(webEnvSchema),
      shared: Object.keys(studioEnvSchema.shape),
    });
    expect(problems).toEqual([]);
  });
});
