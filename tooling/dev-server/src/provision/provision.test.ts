import { execFile, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { rm } from "node:fs/promises";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toolingEnv } from "../env.ts";
import { which } from "../run.ts";
import { INNGEST_VERSION } from "../versions.ts";
import { isRunning } from "../process-state.ts";
import { FIXTURE_PACKAGE, startFixtureRegistry, type RegistryMode } from "./testing/fixture-registry.ts";

// The real `studio-dev-server provision`, run as a separate process the way `./pnpm test` runs it,
// against local stand-ins only: a fixture npm registry (ok, silent, or TLS the client does not
// trust) for the UI install, and a fake `go` for the module download and the compile (the real
// compile takes minutes; what is under test is everything around it).
const cli = fileURLToPath(new URL("../../bin/studio-dev-server.ts", import.meta.url));
const fakeGo = fileURLToPath(new URL("./testing/fake-go.ts", import.meta.url));
const pnpm = which("pnpm");

let root: string;
let tools: string;
let moduleDir: string;
let goShim: string;
let runs = 0;
const cache = () => {
  const dir = path.join(tools, `inngest-v${INNGEST_VERSION}-r3`);
  return { binary: path.join(dir, "inngest"), noUi: path.join(dir, "inngest-no-ui"), uiMissing: path.join(dir, "ui-missing.txt"), ui: path.join(tools, `inngest-ui-v${INNGEST_VERSION}`) };
};

interface Run {
  code: number | null;
  stderr: string;
}

function provision(registryUrl: string, extra: Record<string, string> = {}, onStart?: (child: ReturnType<typeof spawn>) => void): Promise<Run> {
  const n = ++runs;
  const env = {
    PATH: toolingEnv.path,
    HOME: path.join(root, "home"),
    XDG_DATA_HOME: path.join(root, `xdg-data-${n}`), // an empty pnpm store, so the install must download
    XDG_CACHE_HOME: path.join(root, `xdg-cache-${n}`),
    STUDIO_TOOLS_DIR: tools,
    STUDIO_GO: goShim,
    STUDIO_INNGEST_SOURCE: "go",
    STUDIO_PROVISION_IDLE_SECONDS: "2",
    npm_config_registry: registryUrl,
    FAKE_GO_MODULE: moduleDir,
    ...extra,
  };
  const child = spawn(process.execPath, [cli, "provision"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  onStart?.(child);
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stderr })));
}

async function withRegistry<T>(mode: RegistryMode, work: (url: string) => Promise<T>): Promise<T> {
  const registry = await startFixtureRegistry(mode);
  try {
    return await work(registry.url);
  } finally {
    await registry.stop();
  }
}


beforeAll(async () => {
  if (!pnpm) throw new Error("pnpm is not on PATH: run the tests through ./pnpm");
  root = mkdtempSync(path.join(tmpdir(), "provision-test-"));
  tools = path.join(root, "tools");
  goShim = path.join(root, "go");
  writeFileSync(goShim, `#!/bin/sh\nexec "${process.execPath}" "${fakeGo}" "$@"\n`, { mode: 0o755 });

  // The shape of the Inngest module that provisioning relies on: cmd/, a stale vendor/, and the
  // UI's pnpm workspace with its lockfile (written here against the working registry).
  moduleDir = path.join(root, "module");
  mkdirSync(path.join(moduleDir, "cmd"), { recursive: true });
  writeFileSync(path.join(moduleDir, "cmd/main.go"), "package main\n\nfunc main() {}\n");
  mkdirSync(path.join(moduleDir, "vendor"));
  writeFileSync(path.join(moduleDir, "vendor/modules.txt"), "# stale\n");
  const ui = path.join(moduleDir, "ui");
  mkdirSync(path.join(ui, "apps/dev-server-ui"), { recursive: true });
  writeFileSync(path.join(ui, "pnpm-workspace.yaml"), "packages:\n  - apps/*\n");
  writeFileSync(path.join(ui, "package.json"), JSON.stringify({ name: "ui", private: true }));
  writeFileSync(
    path.join(ui, "apps/dev-server-ui/package.json"),
    JSON.stringify({ name: "@inngest/dev-server-ui", private: true, dependencies: { [FIXTURE_PACKAGE]: "1.0.0" } }),
  );
  writeFileSync(path.join(ui, "apps/dev-server-ui/codegen.ts"), "export default {};\n");
  await withRegistry("ok", async (url) => {
    // Asynchronously: the registry answers from this very process.
    await promisify(execFile)(pnpm, ["install", "--lockfile-only", `--registry=${url}`, `--store-dir=${path.join(root, "lock-store")}`], {
      cwd: ui,
      env: { PATH: toolingEnv.path, HOME: path.join(root, "home"), CI: "true" },
      timeout: 60_000,
    });
  });
  expect(readFileSync(path.join(ui, "pnpm-lock.yaml"), "utf8")).toContain(FIXTURE_PACKAGE);
}, 180_000);

// Asynchronous, with room: on a loaded CI machine this folder (several pnpm stores, and scratch
// folders a detached `rm -rf` of provisioning may still be deleting) took over 10 s to remove.
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true, maxRetries: 5 });
}, 120_000);

describe("provisioning the Inngest binary", () => {
  it("finds a UI install stuck on a registry that never answers, retries it, reports it, and keeps the UI-less build apart", async () => {
    const run = await withRegistry("silent", (url) => provision(url));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("install the Dev Server UI's dependencies: stalled after");
    expect(run.stderr).toContain("Could not install the Dev Server UI's dependencies: 3 tries, all unsuccessful");
    expect(run.stderr).toContain("WARNING: the Dev Server's web UI could not be built");
    // Each stuck try was ended by the watch a moment after the 2-second bound, not by pnpm's own
    // minute-long timeouts (the figure allows for a heavily loaded machine).
    const stalls = [...run.stderr.matchAll(/dependencies: stalled after (\d+) s/g)].map((m) => Number(m[1]));
    expect(stalls).toHaveLength(3);
    for (const seconds of stalls) expect(seconds).toBeLessThan(20);
    expect(existsSync(cache().binary), "a UI-less build must not be cached as the finished product").toBe(false);
    expect(execFileSync(cache().noUi, { encoding: "utf8" }).trim()).toBe("fake-inngest no-ui");
    expect(readFileSync(cache().uiMissing, "utf8")).toContain("stalled");
  }, 180_000);

  it("reports a registry whose TLS certificate is not trusted, and reuses the UI-less build instead of compiling again", async () => {
    const run = await withRegistry("untrusted-tls", (url) => provision(url));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("Could not install the Dev Server UI's dependencies: 3 tries, all unsuccessful");
    expect(run.stderr).not.toContain("compile the server (go build) ...");
    expect(existsSync(cache().binary)).toBe(false);
    expect(readFileSync(cache().uiMissing, "utf8")).toMatch(/certificate|stalled/);
  }, 180_000);

  it("builds the UI on the next run that can, and replaces the UI-less build with the finished one", async () => {
    const run = await withRegistry("ok", (url) => provision(url));
    expect(run.code, run.stderr).toBe(0);
    expect(execFileSync(cache().binary, { encoding: "utf8" }).trim()).toBe("fake-inngest with-ui");
    expect(existsSync(cache().noUi)).toBe(false);
    expect(existsSync(cache().uiMissing)).toBe(false);
    expect(existsSync(path.join(cache().ui, "client/_shell.html"))).toBe(true);
  }, 180_000);

  it("after a run is SIGKILLed mid-compile, the next run takes its lock over at once, stops its orphans and finishes", async () => {
    rmSync(cache().binary, { force: true }); // as if the compile had never finished; the built UI stays cached
    const pidFile = path.join(root, "go-build.pid");
    // A long stall bound here: this compile must be killed with its provisioning run, not by the watch.
    const killed = await withRegistry("ok", (url) =>
      provision(url, { FAKE_GO_BUILD: "hang", FAKE_GO_PIDFILE: pidFile, STUDIO_PROVISION_IDLE_SECONDS: "120" }, (child) => {
        const poll = setInterval(() => {
          if (!existsSync(pidFile)) return;
          clearInterval(poll);
          child.kill("SIGKILL");
        }, 100);
      }),
    );
    expect(killed.code).toBeNull(); // killed, not exited
    const orphan = Number(readFileSync(pidFile, "utf8"));
    expect(isRunning(orphan), "the killed run's compile is still running").toBe(true);

    const next = await withRegistry("ok", (url) => provision(url));
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/took over the lock of pid \d+ \(the Inngest Dev Server v[\d.]+\), which is no longer running/);
    expect(next.stderr).toContain("stopped processes left by an earlier run");
    expect(next.stderr).toContain("using the web UI built earlier");
    expect(next.stderr, "the next run must not wait on the dead run's lock").not.toContain("waiting for");
    expect(isRunning(orphan)).toBe(false);
    expect(execFileSync(cache().binary, { encoding: "utf8" }).trim()).toBe("fake-inngest with-ui");
    expect(existsSync(cache().noUi)).toBe(false);
  }, 180_000);
});
