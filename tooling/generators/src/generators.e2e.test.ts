import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { brokenDocCitations, docCoverageProblems } from "@studio/vitest-config/docs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkEnv } from "./env.ts";
import { borrowNodeModules, scratchRepo, type ScratchRepo } from "./scratch-repo.ts";

// Runs each generator through @turbo/gen's own CLI (what `./pnpm gen` runs) in a scratch copy of
// the repository, then holds the result to the checks a contributor's change must pass:
// typecheck, lint, the contract gate, and the tests the generator wrote. node_modules are linked,
// not installed (see scratchRepo), so the suite costs the checks' time, not an install.

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, "../../..");
const node = process.execPath;

describe("the generators, in a scratch copy of the repo", () => {
  let scratch: ScratchRepo;
  const timings: string[] = [];
  let root: string;
  const sh = async (cwd: string, cmd: string, args: string[]) => {
    const started = Date.now();
    try {
      const { stdout } = await run(cmd, args, { cwd: path.join(root, cwd), encoding: "utf8", maxBuffer: 32 * 1024 * 1024, env: checkEnv });
      timings.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${path.basename(cmd)} ${args.slice(0, 3).join(" ")} (${cwd})`);
      return stdout;
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) failed:\n${e.stdout ?? ""}\n${e.stderr ?? ""}\n${e.message}`, { cause: error });
    }
  };
  const bin = (pkg: string, name: string) => path.join(root, pkg, "node_modules/.bin", name);
  const gen = (generator: string, args: string[]) =>
    sh("tooling/generators", node, [
      path.join(root, "tooling/generators/node_modules/@turbo/gen/dist/cli.js"),
      "run",
      generator,
      "--config",
      "turbo/generators/config.ts",
      "--root",
      root,
      "--args",
      ...args,
    ]);
  const typecheck = (pkg: string) => sh(pkg, bin(pkg, "tsc"), ["--noEmit"]);
  const lint = (pkg: string, files: string[]) => sh(pkg, bin(pkg, "eslint"), ["--max-warnings=0", ...files]);
  const test = (pkg: string, files: string[]) => sh(pkg, bin(pkg, "vitest"), ["run", ...files]);

  beforeAll(async () => {
    const started = Date.now();
    scratch = scratchRepo(repo);
    root = scratch.root;
    timings.push(`${((Date.now() - started) / 1000).toFixed(1)}s scratch copy`);
    // One contributor's afternoon: a new event, a worker function it triggers, a new app.
    outputs.event = await gen("event", ["studio/quote.requested", "A client asked the studio for a quote.", "web", "web", "worker"]);
    outputs.function = await gen("function", ["worker", "confirm-quote", "studio/quote.requested"]);
    outputs.app = await gen("app", ["billing", "3003"]);
    borrowNodeModules(root, "apps/ai", "apps/billing");
  });
  afterAll(() => {
    scratch?.remove();
    // Wall time per step, for the figures in docs/testing.md (printed, never asserted).
    console.log(`generator suite steps:\n  ${timings.join("\n  ")}`);
  });
  const outputs: Record<string, string> = {};
  const read = (file: string) => readFileSync(path.join(root, file), "utf8");
  const slow = { timeout: 600_000 };

  it("event: writes the event, its fixtures and test, registers it, and regenerates the catalog", () => {
    expect(outputs.event).toContain("packages/events/src/events/quote-requested.ts");
    expect(read("packages/events/src/registry.ts")).toContain("quoteRequested,");
    expect(read("docs/events.md")).toContain("studio/quote.requested");
    expect(read("packages/events/schemas/events/studio/quote.requested/v1.json")).toContain("quoteId");
  });

  it("function: writes the worker function with its header, test and runbook, and registers it", () => {
    expect(outputs.function).toContain("apps/worker/src/functions/confirm-quote.ts");
    expect(read("apps/worker/src/functions/index.ts")).toContain("confirmQuote");
    expect(read("apps/worker/src/functions/confirm-quote.ts")).toMatch(/docs\/research\/inngest\/[\w-]+\.md#[\w-]+/);
    expect(read("docs/runbooks/worker-confirm-quote.md")).toContain("`studio/quote.requested`");
  });

  it("app: writes a new app and puts its id in the contract", () => {
    expect(outputs.app).toContain("apps/billing/src/functions/ping.ts");
    expect(read("packages/events/src/apps.ts")).toContain('billing: "studio-billing"');
  });

  it("everything written typechecks", slow, async () => {
    await Promise.all([typecheck("packages/events"), typecheck("apps/worker"), typecheck("apps/billing")]);
  });

  it("everything written passes lint", slow, async () => {
    await Promise.all([
      lint("packages/events", ["src/events/quote-requested.ts", "src/events/quote-requested.test.ts", "src/fixtures/quote-requested.ts", "src/registry.ts", "src/index.ts", "src/fixtures/index.ts", "src/apps.ts"]),
      lint("apps/worker", ["src/functions/confirm-quote.ts", "src/functions/confirm-quote.test.ts", "src/functions/index.ts", "src/functions/function-ids.ts"]),
      lint("apps/billing", ["."]),
    ]);
  });

  it("the contract gate passes (the new event is an allowed addition)", slow, async () => {
    expect(await sh(".", node, ["packages/events/scripts/check.ts"])).toMatch(/events:check/);
  });

  it("the generated tests pass, and the worker's serve test counts the new function", slow, async () => {
    const [events, worker, billing] = await Promise.all([
      test("packages/events", ["src/events/quote-requested.test.ts", "src/fixtures/fixtures.test.ts", "src/registry.test.ts"]),
      test("apps/worker", ["src/functions/confirm-quote.test.ts", "src/app.test.ts"]),
      test("apps/billing", ["src/functions/ping.test.ts"]),
    ]);
    for (const out of [events, worker, billing]) expect(out).toMatch(/Tests\s+\d+ passed/);
  });

  it("the docs check holds: note citations, runbook sections, every event covered", () => {
    expect(docCoverageProblems(root)).toEqual([]);
    expect(brokenDocCitations(root)).toEqual([]);
  });

  it("refuses a bad name, naming the rule, and writes nothing", async () => {
    await expect(gen("event", ["Studio/Quote", "A client asked the studio for a quote.", "web", "web", "worker"])).rejects.toThrow(
      /must look like <domain>\/<noun>\.<past-tense verb>/,
    );
    await expect(gen("function", ["worker", "Confirm_Quote", "studio/quote.requested"])).rejects.toThrow(/kebab case/);
    expect(await sh(".", "git", ["status", "--porcelain", "--", "packages/events/src/events/"])).not.toMatch(/Quote|quote\.ts/);
  });
});
