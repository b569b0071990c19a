import { describe, expect, it } from "vitest";
import { checklist, renderReport } from "./build-report.ts";
import type { Evidence, ReportInput } from "./types.ts";

const step = (name: string, stepOp: string | null, outputEncrypted: boolean | null) => ({ name, status: "COMPLETED", attempts: 1, stepOp, outputEncrypted });
const run = (id: string, fn: string, status: string, steps = [step("work", "RUN", true), step("emit", "RUN", true)]) => ({
  id,
  function: fn,
  status,
  eventName: "studio/x.done",
  outputEncrypted: status === "COMPLETED" ? true : null,
  ...(status === "FAILED" ? { error: "NonRetriableError: rendition rejected the request with HTTP 422" } : {}),
  steps,
});

function evidence(overrides: Partial<Evidence> = {}): Evidence & { file: string } {
  return {
    file: "apps/worker/test-results/evidence/suite.json",
    suite: "process-asset",
    apps: ["worker", "ai"],
    startedAt: "2027-01-01T00:00:00.000Z",
    stoppedAt: "2027-01-01T00:01:00.000Z",
    runs: [
      run("r1", "studio-worker-process-asset", "COMPLETED", [step("render-web", "RUN", true), step("step.fetch: 127.0.0.1", null, false)]),
      run("r2", "studio-ai-tag-asset", "COMPLETED", [step("tag", "AI_GATEWAY", false), step("emit", "RUN", true)]),
      run("r3", "studio-web-ping", "COMPLETED"),
      run("r4", "studio-worker-process-asset", "FAILED"),
      run("r5", "studio-worker-process-asset-failure", "COMPLETED"),
    ],
    events: [
      { id: "e1", name: "studio/brief.submitted", data: { briefId: "b1", encrypted: "[envelope]" }, encryptedField: "envelope" },
      { id: "e2", name: "studio/automation.failed", data: { runId: "r4", functionId: "process-asset", compensated: false }, encryptedField: "absent" },
      { id: "e3", name: "studio/brief.updated", data: { encrypted: "[PLAINTEXT]" }, encryptedField: "plaintext", source: "test" },
    ],
    logs: { lines: 40, secretsChecked: ["WEBHOOK_TOKEN"], secretLeaks: [], emailLeaks: [], redactedMarkers: 0, encryptedMarkers: 0, sample: ['{"runId":"r1"}'] },
    sentry: [{ exception: "NonRetriableError: rejected", tags: { "inngest.function.id": "studio-worker-process-asset" }, leaks: [] }],
    ...overrides,
  };
}
const input = (e: Array<Evidence & { file: string }>, extra: Partial<ReportInput> = {}): ReportInput => ({
  generatedAt: "2027-01-01T00:02:00.000Z",
  commit: "abc1234",
  tasks: [
    { package: "@studio/worker", task: "typecheck", exitCode: 0, cached: true, durationMs: 10 },
    { package: "@studio/worker", task: "lint", exitCode: 0, cached: false, durationMs: 2000 },
  ],
  evidence: e,
  screenshots: ["screenshots/apps-web-test-results-brief.png"],
  ...extra,
});
const verdicts = (i: ReportInput) => Object.fromEntries(checklist(i).map((item) => [item.title, item.ok]));

describe("the verification checklist", () => {
  it("proves every item from complete evidence, and renders each with its proof", () => {
    expect(Object.values(verdicts(input([evidence()])))).toEqual([true, true, true, true, true]);
    const md = renderReport(input([evidence()]));
    expect(md).toContain("| `studio-worker-process-asset` | COMPLETED 1, FAILED 1 | process-asset |");
    expect(md).toContain("functionId `process-asset`, compensated false");
    expect(md).toContain("step.fetch ×1, step.ai.infer (AI gateway) ×1");
    expect(md).toContain("![screenshots/apps-web-test-results-brief.png](screenshots/apps-web-test-results-brief.png)");
  });

  it("fails an item whose proof is missing or contradicts it, saying why", () => {
    const plaintext = evidence({ runs: [...evidence().runs, run("r6", "studio-worker-intake-brief", "COMPLETED", [step("record-brief", "RUN", false)])] });
    expect(checklist(input([plaintext]))[3]).toMatchObject({ ok: false });
    expect(renderReport(input([plaintext]))).toContain("step `record-brief` of `studio-worker-intake-brief` run `r6`");

    const open = evidence({ events: [...evidence().events, { id: "e4", name: "studio/brief.submitted", data: {}, encryptedField: "plaintext", source: "app" }] });
    expect(renderReport(input([open]))).toContain("- `studio/brief.submitted` event `e4`");
    expect(checklist(input([open]))[3]).toMatchObject({ ok: false });

    const leaky = evidence({ logs: { ...evidence().logs, secretLeaks: ['[worker] token <WEBHOOK_TOKEN>'] } });
    expect(checklist(input([leaky]))[3]?.verdict).toContain("1 leaks");

    const noHandler = evidence({ events: [], runs: evidence().runs.filter((r) => !r.function.endsWith("-failure")) });
    expect(checklist(input([noHandler]))[2]).toMatchObject({ ok: false });

    const noAi = evidence({ runs: evidence().runs.filter((r) => !r.function.startsWith("studio-ai")) });
    expect(checklist(input([noAi]))[0]).toMatchObject({ ok: false, verdict: "completed runs only in web, worker" });

    const lintFailed = input([evidence()], {
      tasks: [
        { package: "@studio/ai", task: "typecheck", exitCode: 0, cached: false, durationMs: 1 },
        { package: "@studio/ai", task: "lint", exitCode: 1, cached: false, durationMs: 1 },
        { package: "@studio/ai", task: "test", exitCode: 1, cached: false, durationMs: 1 },
      ],
    });
    expect(checklist(lintFailed)[1]).toMatchObject({
      ok: false,
      verdict: "failed: @studio/ai#lint; tests that failed (they fail ./pnpm verify too): @studio/ai#test",
    });

    expect(checklist(input([], { screenshots: [], tasks: [] })).map((i) => i.ok)).toEqual([false, false, false, false, false]);
  });
});
