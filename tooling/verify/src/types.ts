/** What one e2e stack left in test-results/evidence/ (written by @studio/dev-server's startStack). */
export interface Evidence {
  suite: string;
  apps: string[];
  startedAt: string;
  stoppedAt: string;
  runs: Array<{
    id: string;
    function: string;
    status: string;
    eventName: string | null;
    outputEncrypted: boolean | null;
    error?: string;
    steps: Array<{ name: string; status: string; attempts: number | null; stepOp: string | null; outputEncrypted: boolean | null }>;
  }>;
  events: Array<{ id: string; name: string; data: Record<string, unknown>; encryptedField: "envelope" | "plaintext" | "absent"; source?: "test" | "app" }>;
  logs: {
    lines: number;
    secretsChecked: string[];
    secretLeaks: string[];
    emailLeaks: string[];
    redactedMarkers: number;
    encryptedMarkers: number;
    sample: string[];
  };
  sentry: Array<{ exception?: string; message?: string; tags: Record<string, string>; transaction?: string; leaks: string[] }>;
}

/** One turbo task as `turbo run --summarize` records it. */
export interface TaskResult {
  package: string;
  task: string;
  exitCode: number | null;
  cached: boolean;
  durationMs: number | null;
}

export interface ReportInput {
  generatedAt: string;
  commit: string;
  tasks: TaskResult[];
  evidence: Array<Evidence & { file: string }>;
  /** Screenshot paths relative to the report's folder. */
  screenshots: string[];
}

export interface ChecklistItem {
  title: string;
  ok: boolean;
  /** Why it passed or failed, in one line. */
  verdict: string;
  /** Markdown body: the evidence itself. */
  body: string;
}
