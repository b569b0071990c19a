import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const cwd = path.join(import.meta.dirname, "fixtures");

describe("@studio/eslint-config", () => {
  let messages: Record<string, ESLint.LintResult["messages"]>;
  // One lint run for both fixtures: building the typed program is the slow part.
  beforeAll(async () => {
    const eslint = new ESLint({ cwd, overrideConfigFile: path.join(import.meta.dirname, "index.js") });
    const results = await eslint.lintFiles(["src/env.ts", "src/reads-env.ts"]);
    messages = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r.messages]));
  }, 180_000);

  it("allows process.env in env.ts", () => {
    expect(messages["env.ts"]).toEqual([]);
  });

  it("rejects every way of reading process.env elsewhere, pointing at env.ts", () => {
    const envErrors = (messages["reads-env.ts"] ?? []).filter((m) => /env\.ts/.test(m.message));
    expect(envErrors.map((m) => m.line).sort()).toEqual([1, 3, 4, 5]);
    expect(envErrors.every((m) => m.severity === 2)).toBe(true);
  });
});
