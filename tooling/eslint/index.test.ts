import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const cwd = path.join(import.meta.dirname, "fixtures");
const eslint = new ESLint({ cwd, overrideConfigFile: path.join(import.meta.dirname, "index.js") });

describe("@studio/eslint-config", () => {
  it("allows process.env in env.ts", async () => {
    const [result] = await eslint.lintFiles(["src/env.ts"]);
    expect(result?.messages).toEqual([]);
  });

  it("rejects every way of reading process.env elsewhere, pointing at env.ts", async () => {
    const [result] = await eslint.lintFiles(["src/reads-env.ts"]);
    const envErrors = (result?.messages ?? []).filter((m) => /env\.ts/.test(m.message));
    expect(envErrors.map((m) => m.line).sort()).toEqual([1, 3, 4, 5]);
    expect(envErrors.every((m) => m.severity === 2)).toBe(true);
  });
});
