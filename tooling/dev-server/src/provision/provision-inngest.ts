import { spawn, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cachePaths } from "../binary.ts";
import { buildDevServerUi, UI_EMBED_DIR } from "../dev-server-ui.ts";
import { inheritedEnv, toolingEnv } from "../env.ts";
import { reapOrphans } from "../process-registry.ts";
import { which } from "../run.ts";
import { INNGEST_VERSION } from "../versions.ts";
import { acquireOwnedLock } from "./owned-lock.ts";
import { runWatched, StepFailedError } from "./run-watched.ts";

export interface Provisioned {
  path: string;
  /** False when the UI could not be built: the binary works, its pages are blank, the next run retries. */
  ui: boolean;
  how: "STUDIO_INNGEST_BIN" | "cached" | "npm inngest-cli" | "Go module build";
}

type Log = (line: string) => void;
const defaultLog: Log = (line) => process.stderr.write(`[provision] ${line}\n`);

/** Timed phases: each prints when it starts and how long it took. */
function phases(log: Log) {
  const started = Date.now();
  const secs = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;
  return {
    async run<T>(name: string, work: () => Promise<T>): Promise<T> {
      const t = Date.now();
      log(`${name} ...`);
      const result = await work();
      log(`${name}: done in ${secs(t)} (${secs(started)} in all)`);
      return result;
    },
    total: () => secs(started),
  };
}

/**
 * Provides the `inngest` binary of the pinned version, the step `./pnpm provision` runs before any
 * e2e suite (and `./pnpm dev` before it starts the server):
 *   1. $STUDIO_INNGEST_BIN, when set;
 *   2. the cached complete binary;
 *   3. npm's inngest-cli (its install downloads the release binary: needs GitHub);
 *   4. a build of the Go module github.com/inngest/inngest, with its web UI built and embedded.
 * Every long step is watched for stalls and retried (runWatched). One process builds at a time
 * (an owner-aware lock: a crashed or killed builder's lock is taken over at once). Nothing
 * partial is cached as final: files are renamed into place only when complete, and a binary
 * built without its UI is kept apart and rebuilt by the next run.
 */
export async function provisionInngestBinary(opts: { log?: Log; version?: string } = {}): Promise<Provisioned> {
  const log = opts.log ?? defaultLog;
  const version = opts.version ?? INNGEST_VERSION;
  if (toolingEnv.inngestBin) {
    if (!existsSync(toolingEnv.inngestBin)) throw new Error(`STUDIO_INNGEST_BIN points to ${toolingEnv.inngestBin}, which does not exist.`);
    log(`using STUDIO_INNGEST_BIN=${toolingEnv.inngestBin}`);
    return { path: toolingEnv.inngestBin, ui: true, how: "STUDIO_INNGEST_BIN" };
  }
  const paths = cachePaths(version);
  if (existsSync(paths.binary)) return { path: paths.binary, ui: true, how: "cached" };

  const release = await acquireOwnedLock(paths.lock, { what: `the Inngest Dev Server v${version}`, log });
  try {
    if (existsSync(paths.binary)) return { path: paths.binary, ui: true, how: "cached" }; // provided while we waited
    reapOrphans(); // steps of a provisioning run that was killed outright
    discard(paths.work); // its scratch space (we hold the lock), and any a reboot left half-deleted
    for (const entry of readdirSync(path.dirname(paths.work))) {
      if (entry.startsWith(`${path.basename(paths.work)}-trash-`)) discard(path.join(path.dirname(paths.work), entry));
    }
    mkdirSync(paths.work, { recursive: true });
    mkdirSync(paths.dir, { recursive: true });
    const timed = phases(log);
    const failures: string[] = [];
    if (toolingEnv.inngestSource !== "go") {
      try {
        const npmBinary = await timed.run("try npm's inngest-cli", () => fromNpm(version, paths.work, log));
        installAtomically(npmBinary, paths.binary);
        log(`inngest v${version} ready at ${paths.binary} (npm inngest-cli, ${timed.total()})`);
        return { path: paths.binary, ui: true, how: "npm inngest-cli" };
      } catch (error) {
        failures.push(`npm inngest-cli: ${firstLine(error)}`);
        log(`npm's inngest-cli is not available here: ${firstLine(error)}`);
      }
    }
    if (toolingEnv.inngestSource !== "npm") {
      try {
        return await fromGoModule(version, paths, timed, log);
      } catch (error) {
        failures.push(`Go module build: ${error instanceof StepFailedError ? error.message : firstLine(error)}`);
      }
    }
    throw new Error(
      `Could not provide the Inngest Dev Server v${version} (gave up after ${timed.total()}). What was tried` +
        (toolingEnv.inngestSource === "auto" ? "" : ` (STUDIO_INNGEST_SOURCE=${toolingEnv.inngestSource})`) +
        `:\n${failures.map((f) => `  - ${f}`).join("\n")}\n` +
        `Fixes, any one of:\n` +
        `  - set STUDIO_INNGEST_BIN to an inngest v${version} binary you already have;\n` +
        `  - install Go >= 1.26.4 (the server is then built from its module; needs the Go module proxy and the npm registry);\n` +
        `  - network: if the output above mentions certificates, your network inspects TLS — point NODE_EXTRA_CA_CERTS ` +
        `(Node) and SSL_CERT_FILE (Go) at your CA bundle; behind a proxy set HTTPS_PROXY; a private registry goes in npm_config_registry / GOPROXY;\n` +
        `  - with access to GitHub, npm's inngest-cli@${version} downloads the release binary.\n` +
        `Nothing partial was kept: the next run starts the failed step again.`,
    );
  } finally {
    discard(paths.work);
    release();
  }
}

async function fromNpm(version: string, work: string, log: Log): Promise<string> {
  const npm = which("npm");
  if (!npm) throw new Error("npm is not on PATH");
  // Its postinstall downloads the release from GitHub; where GitHub is blocked that download can
  // hang until the stall bound instead of failing, so ask GitHub first. Behind a proxy (which
  // this fetch would not use) leave it to npm.
  if (!toolingEnv.httpsProxy) {
    await fetch("https://github.com/", { method: "HEAD", signal: AbortSignal.timeout(5_000) }).catch((error: unknown) => {
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new Error(`GitHub did not answer (${cause}), and inngest-cli downloads its binary from there`);
    });
  }
  const dir = path.join(work, "npm");
  await runWatched({
    step: `install npm's inngest-cli@${version}`,
    cmd: npm,
    args: ["install", "--no-save", "--no-audit", "--no-fund", "--fetch-timeout=60000", "--fetch-retries=2", "--prefix", dir, `inngest-cli@${version}`],
    env: inheritedEnv(),
    timeoutMs: 300_000,
    attempts: 2,
    log,
  });
  const bin = path.join(dir, "node_modules/inngest-cli/bin/inngest");
  if (!existsSync(bin)) throw new Error("inngest-cli installed but its binary is missing (the postinstall download failed)");
  return bin;
}

/**
 * Builds the server from the Go module. Three quirks of building from the module proxy rather
 * than a git checkout: go.mod has a replace directive (so no `go install`), vendor/modules.txt
 * ships without the vendored code (delete vendor/, build with -mod=mod), and an embedded docs
 * folder comes from a git submodule the zip lacks (create one placeholder file).
 */
async function fromGoModule(version: string, paths: ReturnType<typeof cachePaths>, timed: ReturnType<typeof phases>, log: Log): Promise<Provisioned> {
  const go = toolingEnv.go ?? which("go") ?? toolingEnv.goCandidates.find((p) => existsSync(p));
  if (!go) throw new Error("Go is not installed (looked at STUDIO_GO, on PATH and in /usr/local/go)");
  const goEnv = {
    ...inheritedEnv(), // Go needs the user's HOME/GOPATH/GOCACHE/GOPROXY settings
    GOTOOLCHAIN: "local",
    GOFLAGS: "-mod=mod",
    CGO_ENABLED: "0",
  };
  log(`building inngest v${version} from its Go module (once per machine; about 7 minutes on 2 cores with empty caches)`);
  const { stdout } = await timed.run("download the Go module", () =>
    runWatched({
      step: `download the Go module github.com/inngest/inngest@v${version}`,
      cmd: go,
      args: ["mod", "download", "-json", `github.com/inngest/inngest@v${version}`],
      env: goEnv,
      timeoutMs: 900_000,
      log,
    }),
  );
  const moduleDir = (JSON.parse(stdout) as { Dir?: string }).Dir;
  if (!moduleDir) throw new Error(`go mod download gave no directory: ${stdout.slice(0, 300)}`);

  const copy = path.join(paths.work, "src");
  cpSync(moduleDir, copy, { recursive: true });
  spawnSync("chmod", ["-R", "u+w", copy]);
  rmSync(path.join(copy, "vendor"), { recursive: true, force: true });
  const docs = path.join(copy, "internal/embeddocs/website/pages/docs");
  mkdirSync(docs, { recursive: true });
  writeFileSync(path.join(docs, "placeholder.md"), "Docs are not bundled in this build.\n");

  const uiProblem = await timed.run("provide the Dev Server's web UI", () => provideUi(copy, paths, log));
  if (uiProblem === undefined) {
    cpSync(paths.ui, path.join(copy, UI_EMBED_DIR), { recursive: true });
  } else if (existsSync(paths.noUiBinary)) {
    // The same version built without its UI earlier: reuse it rather than compile it again.
    writeFileSync(paths.uiMissing, `${uiProblem}\n`);
    warnNoUi(uiProblem, paths.noUiBinary, log);
    return { path: paths.noUiBinary, ui: false, how: "Go module build" };
  }

  const out = path.join(paths.work, "inngest");
  await timed.run("compile the server (go build)", () =>
    runWatched({
      step: "compile the Inngest server (go build, downloads its dependencies)",
      cmd: go,
      // -v prints each package as it compiles (progress the stall watch can see). No version
      // stamp: an unstamped build sends no telemetry and skips update checks. -s -w: no symbol
      // tables or DWARF, a smaller binary that links faster.
      args: ["build", "-v", "-trimpath", "-ldflags=-s -w", "-o", out, "./cmd"],
      cwd: copy,
      env: goEnv,
      timeoutMs: 1_800_000,
      attempts: 2,
      log,
    }),
  );
  if (uiProblem === undefined) {
    installAtomically(out, paths.binary);
    rmSync(paths.noUiBinary, { force: true });
    rmSync(paths.uiMissing, { force: true });
    log(`inngest v${version} ready at ${paths.binary}, with its web UI (${timed.total()})`);
    return { path: paths.binary, ui: true, how: "Go module build" };
  }
  installAtomically(out, paths.noUiBinary);
  writeFileSync(paths.uiMissing, `${uiProblem}\n`);
  warnNoUi(uiProblem, paths.noUiBinary, log);
  return { path: paths.noUiBinary, ui: false, how: "Go module build" };
}

/** The built UI in its own cache folder; undefined when it is there, else why it could not be built. */
async function provideUi(moduleCopy: string, paths: ReturnType<typeof cachePaths>, log: Log): Promise<string | undefined> {
  if (existsSync(path.join(paths.ui, "client/_shell.html"))) {
    log(`using the web UI built earlier (${paths.ui})`);
    return undefined;
  }
  const partial = path.join(paths.work, "ui-dist");
  try {
    await buildDevServerUi(moduleCopy, partial, { log });
    rmSync(paths.ui, { recursive: true, force: true });
    renameSync(partial, paths.ui); // complete, or not there at all
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function warnNoUi(reason: string, binary: string, log: Log) {
  log(
    `WARNING: the Dev Server's web UI could not be built, so ${binary} serves blank pages (every API works, and so do the apps). ` +
      `The next \`./pnpm provision\` tries the UI again. Why:\n${reason}`,
  );
}

/**
 * Removes a scratch folder without waiting for it: the UI's node_modules and the module copy are
 * tens of thousands of files, about 40 s to delete here, which the tests need not wait for.
 */
function discard(dir: string) {
  if (!existsSync(dir)) return;
  let trash = dir;
  if (!path.basename(dir).includes("-trash-")) {
    trash = `${dir}-trash-${process.pid}-${Date.now()}`;
    try {
      renameSync(dir, trash);
    } catch {
      rmSync(dir, { recursive: true, force: true });
      return;
    }
  }
  spawn("rm", ["-rf", trash], { detached: true, stdio: "ignore" }).unref();
}

/** Copies beside the target, then renames: no process ever sees a half-written binary. */
function installAtomically(from: string, target: string) {
  const partial = `${target}.partial-${process.pid}`;
  copyFileSync(from, partial);
  chmodSync(partial, 0o755);
  renameSync(partial, target);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
