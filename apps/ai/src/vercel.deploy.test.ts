import { existsSync } from "node:fs";
import path from "node:path";
import { buildWithVercel, readVercelOutput, routeOf, type VercelFunction, type VercelOutput } from "@studio/deploy-check";
import { beforeAll, describe, expect, it } from "vitest";
import { inngest } from "./client.ts";
import { checkpointing } from "./function-limits.ts";
import { CALL_TIMEOUT_MS } from "./providers/call-provider.ts";

// `vercel build` of the AI app, offline, with the project settings docs/deploy/vercel.md
// prescribes (docs/deploy/vercel.md, "The deploy check"). The worker's check also serves its
// built function; this one checks the build.
let output: VercelOutput;
let fn: VercelFunction;

beforeAll(async () => {
  const build = await buildWithVercel("apps/ai");
  output = readVercelOutput(build.outputDir);
  fn = output.functions[0]!;
});

const seconds = (text: string) => {
  const m = /^(\d+)s$/.exec(text);
  if (!m) throw new Error(`expected a maxRuntime in seconds, got ${text}`);
  return Number(m[1]);
};

describe("the AI app's Vercel build", () => {
  it("takes server.js as the Hono entry: one function, serving every /api path, built from the self-contained bundle", () => {
    expect(output.functions.map((f) => f.route)).toEqual(["index"]);
    expect(fn.config).toMatchObject({ handler: "apps/ai/server.js", launcherType: "Nodejs", framework: { slug: "hono" } });
    expect(routeOf(output.config.routes ?? [], "/api/inngest")).toEqual({ dest: "/" });
    expect(existsSync(path.join(fn.dir, "apps/ai/dist/index.js"))).toBe(true);
    expect(existsSync(path.join(fn.dir, "packages"))).toBe(false);
  });

  it("sets maxDuration, and checkpointing maxRuntime plus the longest model call stays below it", () => {
    expect(fn.config.maxDuration).toBe(300);
    expect((inngest as unknown as { options: { checkpointing?: unknown } }).options.checkpointing).toEqual(checkpointing);
    expect(seconds(checkpointing.maxRuntime) * 1000 + CALL_TIMEOUT_MS).toBeLessThan(fn.config.maxDuration! * 1000);
  });
});
