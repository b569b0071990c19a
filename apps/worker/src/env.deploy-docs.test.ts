import { secretFieldNames, studioEnvSchema } from "@studio/middleware";
import { deployEnvTableProblems } from "@studio/vitest-config/deploy-env-tables";
import { describe, expect, it } from "vitest";
import { workerEnvSchema } from "./env.ts";

describe("docs/deploy/environment.md for the worker app", () => {
  it("lists exactly the variables env.ts reads, and marks secret exactly those it declares secret", () => {
    const problems = deployEnvTableProblems({
      section: "worker",
      variables: Object.keys(workerEnvSchema.shape),
      secrets: secretFieldNames(workerEnvSchema),
      shared: Object.keys(studioEnvSchema.shape),
    });
    expect(problems).toEqual([]);
  });
});
