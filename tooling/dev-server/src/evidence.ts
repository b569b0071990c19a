import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DevServerApi, RunStatus } from "./api.ts";
import type { SinkedSentryEvent } from "./sentry-sink.ts";

/**
 * Evidence of what an end-to-end suite did, written when its stack stops:
 * `test-results/evidence/<suite>.json` in the package that ran it. `./pnpm verify` reads these
 * files (turbo restores them with a cached test:e2e) instead of running the suites again.
 */
export interface StackEvidence {
  suite: string;
  apps: string[];
  startedAt: string;
  stoppedAt: string;
  runs: EvidenceRun[];
  events: EvidenceEvent[];
  logs: LogEvidence;
  sentry: Array<Omit<SinkedSentryEvent, "raw"> & { leaks: string[] }>;
}

export interface EvidenceRun {
  id: string;
  function: string;
  status: RunStatus;
  eventName: string | null;
  queuedAt: string;
  endedAt: string | null;
  /** Whether the stored function result is an encryption envelope (null: nothing stored). */
  outputEncrypted: boolean | null;
  error?: string;
  steps: Array<{ name: string; status: string; attempts: number | null; stepOp: string | null; outputEncrypted: boolean | null }>;
}

export interface EvidenceEvent {
  id: string;
  name: string;
  ts?: number;
  /** `data` with `data.encrypted` replaced by whether it was an envelope (no payloads are copied). */
  data: Record<string, unknown>;
  encryptedField: "envelope" | "plaintext" | "absent";
  /** "test": the suite sent it straight to the Dev Server (no SDK, so nothing encrypted it); "app": an app sent it. */
  source: "test" | "app";
}

export interface LogEvidence {
  lines: number;
  /** Names of the secret variables the stack gave its apps, whose values were searched for. */
  secretsChecked: string[];
  /** Lines (tagged by process) that contained one of those values: must stay empty. */
  secretLeaks: string[];
  /** Lines that contained an e-mail address: must stay empty. */
  emailLeaks: string[];
  redactedMarkers: number;
  encryptedMarkers: number;
  /** A few log lines of runs, to show the ids every line carries. */
  sample: string[];
}

const ENVELOPE = /"__ENCRYPTED__"\s*:\s*true/;
/** An e-mail address: a domain with an alphabetic top-level part (not a pnpm path such as inngest@4.24.0). */
const EMAIL = /[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/;
const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD)S?$/;

const isEnvelope = (value: unknown) =>
  typeof value === "object" && value !== null && (value as Record<string, unknown>).__ENCRYPTED__ === true;

/** The e2e test file that started the stack, from the call stack ("intake-brief" for …/intake-brief.e2e.test.ts). */
export function callingSuite(): string {
  const match = /([\w.-]+)\.e2e\.test\.ts/.exec(new Error().stack ?? "");
  return match?.[1] ?? "stack";
}

/** Secret values handed to the apps (variables named like keys, tokens, secrets; at least 8 characters). */
export function secretValues(env: Record<string, Record<string, string> | undefined>): Map<string, string> {
  const found = new Map<string, string>();
  for (const vars of Object.values(env)) {
    for (const [name, value] of Object.entries(vars ?? {})) {
      if (SECRET_NAME.test(name) && value.length >= 8) found.set(name, value);
    }
  }
  return found;
}

export async function collectEvidence(opts: {
  api: DevServerApi;
  suite: string;
  apps: string[];
  startedAt: Date;
  logs: string;
  secrets: Map<string, string>;
  sentry: SinkedSentryEvent[];
  /** Ids the suite's own `api.send` calls got back. */
  sentByTest: ReadonlySet<string>;
}): Promise<StackEvidence> {
  const { api } = opts;
  const runs: EvidenceRun[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    type Page = { runs: { edges: Array<{ cursor: string; node: { id: string; status: RunStatus; eventName: string | null; queuedAt: string; endedAt: string | null; function: { slug: string } } }> } };
    const data: Page = await api.graphql<Page>(
      "query($from: Time!, $after: String) { runs(first: 100, after: $after, orderBy: [{ field: QUEUED_AT, direction: ASC }], filter: { from: $from }) { edges { cursor node { id status eventName queuedAt endedAt function { slug } } } } }",
      { from: opts.startedAt.toISOString(), after },
    );
    const edges = data.runs.edges;
    for (const { node } of edges) runs.push(await describeRun(api, node));
    if (edges.length < 100) break;
    after = edges.at(-1)?.cursor ?? null;
  }

  const stored = new Map<string, EvidenceEvent>();
  const names = ["", "studio/automation.failed"];
  for (const name of names) {
    const list: Array<{ id: string; internal_id?: string; name: string; data: Record<string, unknown>; ts?: number }> = name
      ? await api.events(name)
      : await allEvents(api);
    for (const e of list) {
      if (!e.id || stored.has(e.id) || e.name.startsWith("inngest/")) continue;
      const data = { ...(e.data ?? {}) };
      const field = "encrypted" in data ? (isEnvelope(data.encrypted) ? "envelope" : "plaintext") : "absent";
      if ("encrypted" in data) data.encrypted = field === "envelope" ? "[envelope]" : "[PLAINTEXT]";
      const source = opts.sentByTest.has(e.id) || (e.internal_id !== undefined && opts.sentByTest.has(e.internal_id)) ? "test" : "app";
      stored.set(e.id, { id: e.id, name: e.name, ...(e.ts ? { ts: e.ts } : {}), data, encryptedField: field, source });
    }
  }

  const lines = opts.logs.split("\n").filter(Boolean);
  const secretLeaks = lines.filter((l) => [...opts.secrets.values()].some((v) => l.includes(v))).map((l) => redact(l, opts.secrets));
  const emailLeaks = lines.filter((l) => EMAIL.test(l) && !l.startsWith("[inngest]")).map((l) => l.replace(new RegExp(EMAIL.source, "g"), "<e-mail>").slice(0, 300));
  const leaksOf = (raw: string) => [
    ...[...opts.secrets].filter(([, v]) => raw.includes(v)).map(([k]) => `secret ${k}`),
    ...(EMAIL.test(raw) ? ["an e-mail address"] : []),
  ];
  return {
    suite: opts.suite,
    apps: opts.apps,
    startedAt: opts.startedAt.toISOString(),
    stoppedAt: new Date().toISOString(),
    runs,
    events: [...stored.values()],
    logs: {
      lines: lines.length,
      secretsChecked: [...opts.secrets.keys()].sort(),
      secretLeaks,
      emailLeaks,
      redactedMarkers: lines.filter((l) => l.includes("[redacted]")).length,
      encryptedMarkers: lines.filter((l) => l.includes("[encrypted]")).length,
      sample: lines.filter((l) => l.includes('"runId"')).slice(0, 5).map((l) => l.slice(0, 400)),
    },
    sentry: opts.sentry.map(({ raw, ...rest }) => ({ ...rest, leaks: leaksOf(raw) })),
  };
}

/**
 * Writes `<suite>-<pid>-<time>.json`. Files an earlier run of the same suite left (another pid)
 * are removed, so the folder holds the latest run of each suite; stacks of one run all stay.
 */
export function writeEvidence(evidence: StackEvidence, dir = path.resolve("test-results/evidence")): string {
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir)) {
    if (old.startsWith(`${evidence.suite}-`) && !old.startsWith(`${evidence.suite}-${process.pid}-`)) rmSync(path.join(dir, old), { force: true });
  }
  const file = path.join(dir, `${evidence.suite}-${process.pid}-${evidence.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(evidence, null, 2)}\n`);
  return file;
}

async function allEvents(api: DevServerApi) {
  const res = await fetch(`${api.baseUrl}/v1/events?limit=100&_=${Date.now()}`);
  const body = (await res.json()) as { data: Array<{ id?: string; internal_id?: string; name: string; data: Record<string, unknown>; ts?: number }> | null };
  return (body.data ?? []).map((e) => ({ ...e, id: e.id ?? e.internal_id ?? "" }));
}

async function describeRun(
  api: DevServerApi,
  node: { id: string; status: RunStatus; eventName: string | null; queuedAt: string; endedAt: string | null; function: { slug: string } },
): Promise<EvidenceRun> {
  type Trace = { runTrace: { status: RunStatus; outputID: string | null; childrenSpans: Array<{ name: string; status: string; attempts: number | null; stepOp: string | null; outputID: string | null }> | null } };
  const { runTrace } = await api.graphql<Trace>(
    "query($id: String!) { runTrace(runID: $id) { status outputID childrenSpans { name status attempts stepOp outputID } } }",
    { id: node.id },
  );
  const output = runTrace.outputID ? await rawOutput(api, runTrace.outputID) : null;
  const steps = await Promise.all(
    (runTrace.childrenSpans ?? []).map(async (s) => {
      const out = s.outputID ? await rawOutput(api, s.outputID) : null;
      return { name: s.name, status: s.status, attempts: s.attempts, stepOp: s.stepOp, outputEncrypted: out?.data ? ENVELOPE.test(out.data) : null };
    }),
  );
  return {
    id: node.id,
    function: node.function.slug,
    status: runTrace.status,
    eventName: node.eventName,
    queuedAt: node.queuedAt,
    endedAt: node.endedAt,
    outputEncrypted: output?.data ? ENVELOPE.test(output.data) : null,
    ...(output?.error ? { error: `${output.error.name ?? "Error"}: ${output.error.message}`.slice(0, 500) } : {}),
    steps,
  };
}

async function rawOutput(api: DevServerApi, outputId: string) {
  const { runTraceSpanOutputByID: out } = await api.graphql<{
    runTraceSpanOutputByID: { data: string | null; error: { name?: string; message: string } | null };
  }>("query($id: String!) { runTraceSpanOutputByID(outputID: $id) { data error { name message } } }", { id: outputId });
  return out;
}

function redact(line: string, secrets: Map<string, string>): string {
  let out = line;
  for (const [name, value] of secrets) out = out.split(value).join(`<${name}>`);
  return out.slice(0, 300);
}
