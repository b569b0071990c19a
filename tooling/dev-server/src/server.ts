import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureInngestBinary } from "./binary.ts";
import { networkEnv, toolingEnv } from "./env.ts";
import { assertPortFree, freePort } from "./ports.ts";
import { killGroup, reapOrphans, spawnGroup } from "./process-registry.ts";
import { waitUntilReady } from "./wait-ready.ts";

export interface DevServerOptions {
  /** App serve URLs to register (`-u`), e.g. http://127.0.0.1:3001/api/inngest. */
  apps?: string[];
  /** Port for the API and event ingest. Default: a free port. */
  port?: number;
  /** Faster queue polling and 1s linear retries: right for tests, fine for local dev. */
  fast?: boolean;
  /** With `fast`: seconds between retries instead of 1 (fault suites give a crashed app time to restart). */
  retryIntervalSeconds?: number;
  /** Poll the apps for changes (dev: picks up restarted apps). Default false. */
  poll?: boolean;
  /** Called with each log line of the server (stdout and stderr). */
  onLog?: (line: string) => void;
  /** How long to wait for /health. */
  readyTimeoutMs?: number;
  /**
   * Keep the server's state on disk (`--persist`, in its temp folder) so that a test can read
   * everything it stored with stopAndReadStore(). Default false (in memory).
   */
  persist?: boolean;
}

export interface DevServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** The server's log so far (for failure messages). */
  logs(): string;
  stop(): Promise<void>;
  /**
   * With `persist`: stops the server gracefully (it writes its state out), returns every file it
   * stored, as one latin1 string to search for plaintext, and removes them. Without: throws.
   */
  stopAndReadStore(): Promise<string>;
}

/**
 * Starts a real Inngest Dev Server on 127.0.0.1 and resolves once /health answers.
 * It runs in an empty temp directory with a minimal environment: the server reads every
 * INNGEST_* variable as a flag and picks up inngest.json from parent folders, and it silently
 * moves to another port when its own is taken, so all of that is pinned down here.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  reapOrphans();
  return launchDevServer(options);
}

/** startDevServer without first stopping processes left by an earlier run (startStack does that). */
export async function launchDevServer(options: DevServerOptions): Promise<DevServer> {
  const bin = await ensureInngestBinary();
  const port = options.port ?? (await freePort());
  await assertPortFree(port, "Inngest Dev Server");
  // The server also opens a Connect gateway and two gRPC ports; give each instance its own.
  const [gateway, gatewayGrpc, executorGrpc] = [await freePort(), await freePort(), await freePort()];

  const args = [
    "dev",
    "--host", "127.0.0.1",
    "--port", String(port),
    "--connect-gateway-port", String(gateway),
    "--connect-gateway-grpc-port", String(gatewayGrpc),
    "--connect-executor-grpc-port", String(executorGrpc),
    "--no-discovery",
    ...(options.poll ? ["--poll-interval", "2"] : ["--no-poll"]),
    ...(options.fast === false ? [] : ["--tick", "20", "--retry-interval", String(options.retryIntervalSeconds ?? 1)]),
    ...(options.persist ? ["--persist"] : []),
    ...(options.apps ?? []).flatMap((u) => ["-u", u]),
  ];
  const cwd = mkdtempSync(path.join(tmpdir(), "inngest-dev-"));
  // Its own process group, so stop() and the registry can take it down whole.
  const { child, logs } = spawnGroup("Inngest Dev Server", bin, args, {
    cwd,
    env: { PATH: toolingEnv.path, HOME: cwd, DO_NOT_TRACK: "1", INNGEST_NO_UPDATE_NOTIFIER: "1", ...networkEnv() },
    onLog: options.onLog,
  });

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await killGroup(child);
    rmSync(cwd, { recursive: true, force: true });
  };
  const stopAndReadStore = async () => {
    if (!options.persist) throw new Error("stopAndReadStore needs a Dev Server started with persist: true");
    await killGroup(child, { signal: "SIGTERM", graceMs: 15_000 });
    const files = readdirSync(cwd, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const stored = files.map((entry) => readFileSync(path.join(entry.parentPath, entry.name)).toString("latin1")).join("\n");
    rmSync(cwd, { recursive: true, force: true });
    return stored;
  };

  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  try {
    await waitUntilReady(`${url}/health`, child, {
      timeoutMs,
      intervalMs: 200,
      logs,
      exited: (code) => `The Inngest Dev Server exited (code ${code}) before it was ready`,
      problem: () =>
        /Port conflict/i.test(logs())
          ? `The Inngest Dev Server reported a port conflict on ${url} (another server is listening):\n${logs().slice(-2000)}`
          : undefined,
      timedOut: `The Inngest Dev Server did not become healthy at ${url} within ${timeoutMs} ms`,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, process: child, logs, stop, stopAndReadStore };
}
