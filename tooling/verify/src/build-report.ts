import type { ChecklistItem, Evidence, ReportInput, TaskResult } from "./types.ts";

const CHECK_TASKS = ["typecheck", "lint", "test"] as const;

/** The team's checklist for a change, each item with what proves it, from the gate's results and the e2e evidence. */
export function checklist(input: ReportInput): ChecklistItem[] {
  return [lifecycle(input.evidence), checks(input.tasks), failureHandlers(input.evidence), middleware(input.evidence), screenshots(input.screenshots)];
}

/** The whole report as Markdown. */
export function renderReport(input: ReportInput): string {
  const items = checklist(input);
  const lines = [
    "# Verification report",
    "",
    `Generated ${input.generatedAt} at commit \`${input.commit}\` by \`./pnpm verify\`. Evidence comes from the gate's own runs`,
    "(turbo's task summaries) and from what every end-to-end suite's stack recorded when it stopped",
    "(`test-results/evidence/*.json`: runs and traces read from the Inngest Dev Server, stored events,",
    "the apps' logs, the Sentry reports the apps sent to a local stand-in).",
    "",
    "| | checklist item | verdict |",
    "|---|---|---|",
    ...items.map((item, i) => `| ${item.ok ? "✅" : "❌"} | [${item.title}](#${i + 1}-${slug(item.title)}) | ${item.verdict} |`),
    "",
  ];
  items.forEach((item, i) => lines.push(`## ${i + 1}. ${item.title}`, "", `**${item.ok ? "Proven" : "NOT proven"}:** ${item.verdict}`, "", item.body, ""));
  return `${lines.join("\n").trimEnd()}\n`;
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .replace(/ /g, "-");
}

const appOf = (slugName: string) => /^studio-([a-z]+)-/.exec(slugName)?.[1] ?? "?";

function lifecycle(evidence: Evidence[]): ChecklistItem {
  const runs = evidence.flatMap((e) => e.runs.map((r) => ({ ...r, suite: e.suite })));
  const completedApps = [...new Set(runs.filter((r) => r.status === "COMPLETED").map((r) => appOf(r.function)))].sort();
  const ok = evidence.length > 0 && ["ai", "web", "worker"].every((app) => completedApps.includes(app));
  const bySuite = evidence.map((e) => {
    const counts = countBy(e.runs.map((r) => r.status));
    return `| \`${e.suite}\` | ${e.apps.join(", ")} | ${e.runs.length} | ${Object.entries(counts).map(([s, n]) => `${s} ${n}`).join(", ")} | ${e.events.length} |`;
  });
  const byFunction = Object.entries(groupBy(runs, (r) => r.function))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([fn, list]) => `| \`${fn}\` | ${Object.entries(countBy(list.map((r) => r.status))).map(([s, n]) => `${s} ${n}`).join(", ")} | ${[...new Set(list.map((r) => r.suite))].join(", ")} |`);
  const traces = Object.values(groupBy(runs, (r) => r.function))
    .map((list) => list.find((r) => r.status === "COMPLETED" && r.steps.length > 1))
    .filter((r): r is (typeof runs)[number] => r !== undefined)
    .slice(0, 6)
    .map(
      (r) =>
        `- \`${r.function}\` run \`${r.id}\` (${r.eventName ?? "no event"}, suite \`${r.suite}\`): ` +
        r.steps.map((s) => `${s.name} ${s.status.toLowerCase()}${(s.attempts ?? 0) > 1 ? ` ×${s.attempts}` : ""}`).join(" → "),
    );
  return {
    title: "Event lifecycle on a local Inngest",
    ok,
    verdict: ok
      ? `${runs.length} runs in ${evidence.length} e2e stacks on a real Dev Server; completed runs in every app (${completedApps.join(", ")})`
      : evidence.length === 0
        ? "no e2e evidence found (did test:e2e run?)"
        : `completed runs only in ${completedApps.join(", ") || "no app"}`,
    body: [
      "Each e2e suite starts real app processes and a real Inngest Dev Server, sends events and follows the runs; its stack recorded them here.",
      "",
      "| suite | apps | runs | by status | stored events |",
      "|---|---|---|---|---|",
      ...bySuite,
      "",
      "| function | runs by status | suites |",
      "|---|---|---|",
      ...byFunction,
      "",
      "Sample traces (each run's steps as its trace lists them, with attempts when retried):",
      "",
      ...traces,
    ].join("\n"),
  };
}

function checks(tasks: TaskResult[]): ChecklistItem {
  const rows = Object.entries(groupBy(tasks.filter((t) => (CHECK_TASKS as readonly string[]).includes(t.task) || t.task === "test:e2e"), (t) => t.package)).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const cell = (list: TaskResult[], task: string) => {
    const t = list.find((x) => x.task === task);
    if (!t) return "—";
    const mark = t.exitCode === 0 ? "✅" : "❌";
    return `${mark}${t.cached ? " (cached)" : ""}${t.durationMs !== null && !t.cached ? ` ${(t.durationMs / 1000).toFixed(1)}s` : ""}`;
  };
  const failed = tasks.filter((t) => t.exitCode !== 0);
  const failedChecks = failed.filter((t) => t.task === "typecheck" || t.task === "lint");
  const failedTests = failed.filter((t) => t.task !== "typecheck" && t.task !== "lint");
  const ran = (task: string) => tasks.some((t) => t.task === task);
  const ok = failedChecks.length === 0 && ran("typecheck") && ran("lint");
  const named = (list: TaskResult[]) => list.map((t) => `${t.package}#${t.task}`).join(", ");
  return {
    title: "Lint and typecheck",
    ok,
    verdict:
      (ok
        ? `typecheck and lint pass in every package (${tasks.filter((t) => t.task === "typecheck").length} typecheck, ${tasks.filter((t) => t.task === "lint").length} lint tasks)`
        : failedChecks.length
          ? `failed: ${named(failedChecks)}`
          : "typecheck or lint did not run") + (failedTests.length ? `; tests that failed (they fail ./pnpm verify too): ${named(failedTests)}` : "; every unit and e2e task passed"),
    body: [
      "From turbo's run summaries (`turbo run … --summarize`). Cached means turbo replayed a pass for identical inputs.",
      "",
      "| package | typecheck | lint | unit tests | e2e |",
      "|---|---|---|---|---|",
      ...rows.map(([pkg, list]) => `| \`${pkg}\` | ${cell(list, "typecheck")} | ${cell(list, "lint")} | ${cell(list, "test")} | ${cell(list, "test:e2e")} |`),
    ].join("\n"),
  };
}

function failureHandlers(evidence: Evidence[]): ChecklistItem {
  const runs = evidence.flatMap((e) => e.runs.map((r) => ({ ...r, suite: e.suite })));
  const failed = new Map(runs.filter((r) => r.status === "FAILED").map((r) => [r.id, r]));
  const handlers = runs.filter((r) => r.function.endsWith("-failure"));
  const reports = evidence.flatMap((e) => e.events.filter((ev) => ev.name === "studio/automation.failed").map((ev) => ({ ...ev, suite: e.suite })));
  const linked = reports.filter((r) => typeof r.data.runId === "string" && failed.has(r.data.runId));
  const ok = handlers.some((h) => h.status === "COMPLETED") && linked.length > 0;
  return {
    title: "Failure handlers ran and emitted automation.failed",
    ok,
    verdict: ok
      ? `${handlers.length} failure-handler runs (${handlers.filter((h) => h.status === "COMPLETED").length} completed); ${linked.length} studio/automation.failed events name a run that really failed`
      : "no completed failure-handler run with an automation.failed event for a failed run",
    body: [
      "| failed run | function | error | failure handler | automation.failed |",
      "|---|---|---|---|---|",
      ...[...failed.values()].map((r) => {
        const handler = handlers.find((h) => h.function === `${r.function}-failure` && h.suite === r.suite);
        const report = reports.find((e) => e.data.runId === r.id);
        return `| \`${r.id}\` | \`${r.function}\` | ${(r.error ?? "").replace(/\|/g, "\\|").slice(0, 140)} | ${handler ? `${handler.status} (\`${handler.id}\`)` : "—"} | ${
          report ? `functionId \`${String(report.data.functionId)}\`, compensated ${String(report.data.compensated)}` : "—"
        } |`;
      }),
    ].join("\n"),
  };
}

function middleware(evidence: Evidence[]): ChecklistItem {
  const runs = evidence.flatMap((e) => e.runs);
  const results = runs.filter((r) => r.outputEncrypted !== null);
  const plainResults = results.filter((r) => !r.outputEncrypted);
  const runSteps = runs.flatMap((r) => r.steps.filter((s) => s.stepOp === "RUN" && s.outputEncrypted !== null).map((s) => ({ ...s, run: r.id, fn: r.function })));
  const plainSteps = runSteps.filter((s) => !s.outputEncrypted);
  const byDesign = runs.flatMap((r) => r.steps.filter((s) => s.outputEncrypted === false && s.stepOp !== "RUN"));
  // Events a suite sent straight to the Dev Server never went through an app's SDK: only app-sent ones count.
  const events = evidence.flatMap((e) => e.events.filter((ev) => ev.source !== "test"));
  const sentByTests = evidence.reduce((n, e) => n + e.events.filter((ev) => ev.source === "test").length, 0);
  const sealed = events.filter((e) => e.encryptedField === "envelope");
  const openEvents = events.filter((e) => e.encryptedField === "plaintext");
  const secrets = [...new Set(evidence.flatMap((e) => e.logs.secretsChecked))].sort();
  const secretLeaks = evidence.flatMap((e) => e.logs.secretLeaks.map((l) => `${e.suite}: ${l}`));
  const emailLeaks = evidence.flatMap((e) => e.logs.emailLeaks.map((l) => `${e.suite}: ${l}`));
  const logLines = evidence.reduce((n, e) => n + e.logs.lines, 0);
  const sentry = evidence.flatMap((e) => e.sentry.map((s) => ({ ...s, suite: e.suite })));
  const sentryLeaks = sentry.filter((s) => s.leaks.length > 0);

  const atRest = results.length > 0 && plainResults.length === 0 && plainSteps.length === 0 && sealed.length > 0 && openEvents.length === 0;
  const logsOk = logLines > 0 && secrets.length > 0 && secretLeaks.length === 0 && emailLeaks.length === 0;
  const sentryOk = sentry.length > 0 && sentryLeaks.length === 0;
  const sample = evidence.flatMap((e) => e.logs.sample).slice(0, 3);
  return {
    title: "Middleware: ciphertext at rest, scrubbed logs, Sentry reports",
    ok: atRest && logsOk && sentryOk,
    verdict: [
      `at rest: ${results.length - plainResults.length}/${results.length} run results and ${runSteps.length - plainSteps.length}/${runSteps.length} step.run outputs encrypted, ${sealed.length} events with data.encrypted sealed${openEvents.length ? `, ${openEvents.length} OPEN` : ""}`,
      `logs: ${logLines} lines, ${secrets.length} secret values searched, ${secretLeaks.length + emailLeaks.length} leaks`,
      `Sentry: ${sentry.length} reports, ${sentryLeaks.length} with personal data or secrets`,
    ].join("; "),
    body: [
      "### Ciphertext at rest",
      "",
      "What the Dev Server stored, read back from it over GraphQL after each suite: function results and `step.run` outputs must be encryption envelopes (`{\"__ENCRYPTED__\": true, …}`), and so must the `data.encrypted` of every event an app sent.",
      `(${sentByTests} events the suites sent straight to the Dev Server, bypassing every SDK, are left out.)`,
      `Outputs that are plain text by design (not covered by the encryption middleware): ${Object.entries(countBy(byDesign.map((s) => (s.stepOp === "AI_GATEWAY" ? "step.ai.infer (AI gateway)" : s.name.startsWith("step.fetch") ? "step.fetch" : (s.stepOp ?? s.name))))).map(([k, n]) => `${k} ×${n}`).join(", ") || "none"} — see docs/research/inngest/ai-inference.md and performing-api-requests-or-fetch.md.`,
      "",
      ...(plainResults.length || plainSteps.length || openEvents.length
        ? [
            "**Plain text where ciphertext was expected:**",
            "",
            ...plainResults.map((r) => `- result of \`${r.function}\` run \`${r.id}\``),
            ...plainSteps.map((s) => `- step \`${s.name}\` of \`${s.fn}\` run \`${s.run}\``),
            ...openEvents.map((e) => `- \`${e.name}\` event \`${e.id}\``),
          ]
        : ["No plain text found where ciphertext was expected."]),
      "",
      "### Scrubbed logs",
      "",
      `Every line the apps and the Dev Server wrote during the suites (${logLines} lines) was searched for the values of the secret variables the stacks gave the apps (${secrets.map((s) => `\`${s}\``).join(", ") || "none"}) and for e-mail addresses.`,
      ...(secretLeaks.length || emailLeaks.length ? ["", "**Leaks:**", "", ...[...secretLeaks, ...emailLeaks].map((l) => `- ${l.replace(/\|/g, "\\|")}`)] : ["None found."]),
      "",
      "Log lines carry the run's ids (a sample):",
      "",
      "```",
      ...sample,
      "```",
      "",
      "### Sentry reports",
      "",
      "The worker and AI apps ran with `SENTRY_DSN` pointing at a local Sentry stand-in; these are the reports real failing runs produced (one per run that failed for good), each searched for secrets and e-mail addresses.",
      "",
      "| suite | function | error | leaks |",
      "|---|---|---|---|",
      ...sentry.map((s) => `| \`${s.suite}\` | \`${s.tags["inngest.function.id"] ?? "?"}\` | ${(s.exception ?? s.message ?? "").replace(/\|/g, "\\|").slice(0, 120)} | ${s.leaks.join(", ") || "none"} |`),
    ].join("\n"),
  };
}

function screenshots(files: string[]): ChecklistItem {
  return {
    title: "Browser screenshots",
    ok: files.length > 0,
    verdict: files.length ? `${files.length} screenshots from the Chromium-driven web suites` : "no screenshots found (apps/web/test-results/*.png)",
    body: files.map((f) => `![${f}](${f})`).join("\n\n"),
  };
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => string): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const item of items) (out[key(item)] ??= []).push(item);
  return out;
}
