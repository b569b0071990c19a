import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ensureInngestBinary } from "@studio/dev-server";
import { faultsEnv } from "../env.ts";

export type ConformanceCase = { case_id: string; suite_id: string; status: string; reason_code?: string; reason?: string };
export type ConformanceReport = { schema_version: string; transport?: string; cases?: ConformanceCase[] };

/**
 * Runs Inngest's own SDK conformance runner (`inngest alpha conformance run`, the Dev Server's
 * binary) against one serve endpoint and returns its JSON report. The runner always exits 0, so the
 * verdict is only in the report's `cases[].status`. It runs in an empty folder with a clean
 * environment, because the binary reads every INNGEST_* variable as a flag.
 */
export async function runConformance(opts: { sdkUrl: string; devUrl: string; signingKey: string; cases: string[] }): Promise<ConformanceReport> {
  const bin = await ensureInngestBinary();
  const dir = mkdtempSync(path.join(tmpdir(), "inngest-conformance-"));
  const reportFile = path.join(dir, "report.json");
  try {
    await promisify(execFile)(
      bin,
      [
        "alpha", "conformance", "run",
        "--transport", "serve",
        "--sdk-url", opts.sdkUrl,
        "--dev-url", opts.devUrl,
        "--signing-key", opts.signingKey,
        ...opts.cases.flatMap((c) => ["--case", c]),
        "--timeout", "60s",
        "--report-format", "json",
        "--report-out", reportFile,
      ],
      { cwd: dir, env: { PATH: faultsEnv.path, HOME: dir, DO_NOT_TRACK: "1", INNGEST_NO_UPDATE_NOTIFIER: "1" }, timeout: 120_000 },
    );
    return JSON.parse(readFileSync(reportFile, "utf8")) as ConformanceReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
