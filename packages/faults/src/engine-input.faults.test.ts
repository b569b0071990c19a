import { eventually, type RegisteredFunction } from "@studio/dev-server";
import { allFixtures } from "@studio/events/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFaultStack, type FaultStack } from "./harness/fault-stack.ts";

type Trigger = { event?: string; cron?: string };
const RETRY_INTERVAL_S = 5;

/**
 * Functions that let a bad payload go unannounced today, each an open defect (see
 * docs/reliability.md, "Open gaps"). Asserted as they are, so a fix fails the test until its entry goes.
 */
const NO_FAILURE_HANDLER = "no onFailure: the run fails (once, EventValidationError) and nothing reports it";
const KNOWN_GAPS: Record<string, string> = {
  "studio-web-ping": NO_FAILURE_HANDLER,
  "studio-worker-ping": NO_FAILURE_HANDLER,
  "studio-ai-ping": NO_FAILURE_HANDLER,
};
const unreported = (slug: string, runId: string) => `${slug}: no studio/automation.failed for run ${runId} (no failure handler reached, or it did not report)`;

// Producers validate what they send, but anyone holding an event key can send straight to
// Inngest. Every function that an event triggers, in every app (as registered at the Dev Server,
// so a new function is covered without editing this file), gets one of the contract's own invalid
// payloads for its event. Each must fail at once (no retry: the payload will not get better), reach
// its failure handler and announce itself with studio/automation.failed — not vanish.
describe("invalid payloads sent straight to the engine", () => {
  let s: FaultStack;
  beforeAll(async () => {
    s = await startFaultStack({
      apps: ["web", "worker", "ai"],
      // A retried run would take RETRY_INTERVAL_S per retry: a quick failure shows there was none.
      retryIntervalSeconds: RETRY_INTERVAL_S,
      readyTimeoutMs: 300_000,
      env: () => ({ ai: { REANALYSE_DEBOUNCE: "1s" } }),
    });
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("fail the consuming run as non-retriable, run its failure handler and emit automation.failed", async () => {
    const consumers = (await s.stack.api.functions()).filter((fn) => eventTriggers(fn).length > 0);
    const byEvent = new Map<string, RegisteredFunction[]>();
    for (const fn of consumers) for (const name of eventTriggers(fn)) byEvent.set(name, [...(byEvent.get(name) ?? []), fn]);
    // Guard against a vacuous pass: the system's known consumers must all be among them.
    expect(consumers.map((fn) => fn.slug)).toEqual(
      expect.arrayContaining(["studio-worker-process-asset", "studio-worker-intake-brief", "studio-worker-send-reminder", "studio-ai-tag-asset"]),
    );

    const problems: string[] = [];
    const checked: string[] = [];
    await Promise.all(
      [...byEvent].map(async ([name, triggered]) => {
        const fixtures = allFixtures.find((f) => f.event.name === name);
        const [reason, invalid] = Object.entries(fixtures?.invalid ?? {})[0] ?? [];
        if (!invalid) {
          problems.push(`${name}: the contract has no invalid fixture to send (${triggered.map((fn) => fn.slug).join(", ")} untested)`);
          return;
        }
        const [eventId] = await s.stack.api.send({ name, data: invalid.data });
        const runs = await s.stack.api.waitForRuns(eventId!, { count: triggered.length, timeoutMs: 90_000 });
        for (const run of runs) {
          const slug = await s.stack.api.functionOf(run.run_id);
          checked.push(slug);
          problems.push(...(await problemsOf(slug, run.run_id, run.status, `${name} (${reason})`)));
        }
      }),
    );
    // Every problem is a known gap, and every known gap is still exactly that problem.
    const gapProblems = problems.filter((p) => Object.keys(KNOWN_GAPS).some((slug) => p.startsWith(`${slug}: `)));
    expect(problems.filter((p) => !gapProblems.includes(p))).toEqual([]);
    expect(gapProblems.map((p) => p.replace(/run \w+/, "run <id>")).sort()).toEqual(
      Object.keys(KNOWN_GAPS).map((slug) => unreported(slug, "<id>")).sort(),
    );
    expect(checked.sort()).toEqual(consumers.map((fn) => fn.slug).sort());
  });

  /** What is wrong with how one run handled the bad payload (nothing, when it did it right). */
  async function problemsOf(slug: string, runId: string, status: string, what: string): Promise<string[]> {
    const problems: string[] = [];
    if (status !== "FAILED") problems.push(`${slug}: a run for ${what} ended ${status}, not FAILED`);
    const { error } = await s.stack.api.output(runId);
    if (error?.name !== "EventValidationError") problems.push(`${slug}: failed with ${error?.name ?? "no error"}, not EventValidationError`);
    const retried = (await attemptsOf(runId)) > 0;
    if (retried) problems.push(`${slug}: the invalid payload was retried`);
    try {
      await s.stack.api.waitForEvents("studio/automation.failed", (e) => e.data.runId === runId, { timeoutMs: KNOWN_GAPS[slug] ? 5_000 : 20_000 });
    } catch {
      problems.push(unreported(slug, runId));
    }
    return problems;
  }

  /** The highest attempt number in the run's trace: 0 when it ran once. */
  async function attemptsOf(runId: string): Promise<number> {
    const spans = await eventually("the run's trace", async () => {
      const { runTrace } = await s.stack.api.graphql<{ runTrace: { childrenSpans: Array<{ attempts: number | null }> } | null }>(
        "query($id: String!) { runTrace(runID: $id) { childrenSpans { attempts } } }",
        { id: runId },
      );
      return runTrace?.childrenSpans.length ? runTrace.childrenSpans : undefined;
    });
    return Math.max(0, ...spans.map((span) => span.attempts ?? 0));
  }
});

/** The names of the events that trigger a function (not cron, not Inngest's own inngest/* events). */
function eventTriggers(fn: RegisteredFunction): string[] {
  return ((fn["triggers"] as Trigger[] | undefined) ?? []).flatMap((t) => (t.event && !t.event.startsWith("inngest/") ? [t.event] : []));
}
