import { buildWithVercel, readVercelOutput, type VercelOutput } from "@studio/deploy-check";
import { beforeAll, describe, expect, it } from "vitest";
import { checkpointing } from "../inngest/function-limits.ts";
import { inngest } from "../inngest/client.ts";

// `vercel build` of the web app, offline, with the project settings docs/deploy/vercel.md
// prescribes (docs/deploy/vercel.md, "The deploy check").
let output: VercelOutput;

beforeAll(async () => {
  const build = await buildWithVercel("apps/web");
  output = readVercelOutput(build.outputDir);
});

const seconds = (text: string) => {
  const m = /^(\d+)s$/.exec(text);
  if (!m) throw new Error(`expected a maxRuntime in seconds, got ${text}`);
  return Number(m[1]);
};

describe("the web app's Vercel build", () => {
  it("makes /api/inngest a Node.js function with response streaming, its maxDuration above checkpointing maxRuntime", () => {
    const fn = output.functions.find((f) => f.route === "api/inngest");
    expect(fn, `functions: ${output.functions.map((f) => f.route).join(", ")}`).toBeDefined();
    expect(fn!.config).toMatchObject({ launcherType: "Nodejs", framework: { slug: "nextjs" }, maxDuration: 60, supportsResponseStreaming: true });
    expect((inngest as unknown as { options: { checkpointing?: unknown } }).options.checkpointing).toEqual(checkpointing);
    expect(seconds(checkpointing.maxRuntime)).toBeLessThan(fn!.config.maxDuration!);
  });
});
