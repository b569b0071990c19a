import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deployEnvTableProblems } from "./deploy-env-tables.ts";

describe("deployEnvTableProblems", () => {
  const root = mkdtempSync(path.join(tmpdir(), "deploy-env-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, "docs/deploy"), { recursive: true });
  writeFileSync(
    path.join(root, "docs/deploy/environment.md"),
    [
      "## Every app",
      "| variable | secret | production | what |",
      "|---|---|---|---|",
      "| `SHARED_KEY` | yes | required | x |",
      "| `LOG_LEVEL` | no | optional | x |",
      "## worker",
      "| `TOKEN` | no | optional | x |",
      "| `GONE` | no | optional | x |",
      "| `LOG_LEVEL` | no | optional | x |",
    ].join("\n"),
  );

  it("names each variable missing from a table or from env.ts, in the wrong table, or with the wrong secret mark", () => {
    expect(
      deployEnvTableProblems({ section: "worker", variables: ["SHARED_KEY", "LOG_LEVEL", "TOKEN", "PORT"], secrets: ["SHARED_KEY", "TOKEN"], shared: ["SHARED_KEY", "LOG_LEVEL"], root }),
    ).toEqual(
      [
        'GONE is in "worker" but not in env.ts',
        'LOG_LEVEL is in "worker" but belongs in the other table',
        'LOG_LEVEL is listed twice ("worker")',
        "PORT is in env.ts but in no table of docs/deploy/environment.md",
        "TOKEN: the table says secret no, env.ts declares it secret",
      ].sort(),
    );
    expect(deployEnvTableProblems({ section: "ai", variables: [], secrets: [], shared: [], root })).toEqual([
      'docs/deploy/environment.md has no "## ai" table',
    ]);
  });
});
