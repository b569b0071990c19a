import { spawnSync } from "node:child_process";
import { copyFileSync, chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, cpSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildDevServerUi } from "./dev-server-ui.ts";
import { inheritedEnv, toolingEnv } from "./env.ts";
import { log, run, which } from "./run.ts";
import { INNGEST_VERSION } from "./versions.ts";

/**
 * Revision of how this tooling provides the binary, part of the cache folder's name: bumping it
 * replaces binaries cached by an older recipe (r2: Go builds embed the web UI).
 */
const RECIPE = "r2";

/** Where the provided binary is cached: one folder per version and recipe, so a bump rebuilds. */
function cachedBinaryPath(version = INNGEST_VERSION): string {
  return path.join(toolingEnv.toolsDir, `inngest-v${version}-${RECIPE}`, "inngest");
}

const uiMissingFile = "ui-missing.txt";

/** Why the cached binary has no web UI, when its build could not include one. */
export function missingUiReason(binary: string): string | undefined {
  const note = path.join(path.dirname(binary), uiMissingFile);
  return existsSync(note) ? readFileSync(note, "utf8").trim() : undefined;
}

/**
 * Returns a path to a working `inngest` binary of the pinned version, providing it on first use:
 *   1. $STUDIO_INNGEST_BIN, when set;
 *   2. the cached binary in the tools folder;
 *   3. npm's inngest-cli package (its install downloads the release binary: needs GitHub);
 *   4. a build of the Go module github.com/inngest/inngest from the Go module proxy.
 * Concurrent callers (parallel test suites) wait for one provider instead of building twice.
 */
export async function ensureInngestBinary(version = INNGEST_VERSION): Promise<string> {
  if (toolingEnv.inngestBin) {
    if (!existsSync(toolingEnv.inngestBin)) throw new Error(`STUDIO_INNGEST_BIN points to ${toolingEnv.inngestBin}, which does not exist.`);
    return toolingEnv.inngestBin;
  }
  const target = cachedBinaryPath(version);
  if (existsSync(target)) return target;

  const release = await acquireLock(`${target}.lock`);
  try {
    if (existsSync(target)) return target; // another process provided it while we waited
    mkdirSync(path.dirname(target), { recursive: true });
    const failures: string[] = [];
    for (const provider of [fromNpm, fromGoModule]) {
      const started = Date.now();
      try {
        const built = await provider(version, target);
        log(`inngest v${version} ready at ${built} (${provider.name}, ${((Date.now() - started) / 1000).toFixed(0)}s)`);
        return built;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        failures.push(`  - ${provider.name}: ${reason}`);
        log(`${provider.name} did not work: ${reason.split("\n")[0]}`);
      }
    }
    throw new Error(
      `Could not provide the Inngest Dev Server v${version}:\n${failures.join("\n")}\n` +
        `Fix one of these: give the machine internet access to GitHub (npm's inngest-cli downloads its binary), ` +
        `install Go >= 1.26.4 (the server is then built from its Go module), or set STUDIO_INNGEST_BIN to an existing inngest binary.`,
    );
  } finally {
    release();
  }
}

async function fromNpm(version: string, target: string): Promise<string> {
  const npm = which("npm");
  if (!npm) throw new Error("npm is not on PATH");
  // Its postinstall downloads the release from GitHub; where GitHub is blocked that download can
  // hang until our timeout (minutes) instead of failing, so ask GitHub first. Behind a proxy
  // (which this fetch would not use) leave it to npm.
  if (!toolingEnv.httpsProxy) {
    await fetch("https://github.com/", { method: "HEAD", signal: AbortSignal.timeout(5_000) }).catch((error: unknown) => {
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new Error(`GitHub did not answer (${cause}), and inngest-cli downloads its binary from there`);
    });
  }
  const dir = await mkdtemp(path.join(tmpdir(), "inngest-cli-"));
  try {
    await run(npm, ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir, `inngest-cli@${version}`], { timeoutMs: 180_000 });
    const bin = path.join(dir, "node_modules/inngest-cli/bin/inngest");
    if (!existsSync(bin)) throw new Error("inngest-cli installed but its binary is missing (the postinstall download failed)");
    // Copied beside the target, then renamed: a parallel process never sees a half-written binary.
    const partial = `${target}.partial`;
    copyFileSync(bin, partial);
    chmodSync(partial, 0o755);
    renameSync(partial, target);
    return target;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Builds the server from the Go module, with its web UI built first and embedded (see
 * buildDevServerUi). Three quirks of building from the module proxy rather than a git checkout:
 * go.mod has a replace directive (so no `go install`), vendor/modules.txt ships without the
 * vendored code (delete vendor/, build with -mod=mod), and an embedded docs folder comes from a
 * git submodule the zip lacks (create one placeholder file).
 */
async function fromGoModule(version: string, target: string): Promise<string> {
  const go = which("go") ?? toolingEnv.goCandidates.find((p) => existsSync(p));
  if (!go) throw new Error("Go is not installed (looked on PATH and in /usr/local/go)");
  const goEnv = {
    ...inheritedEnv(), // Go needs the user's HOME/GOPATH/GOCACHE/GOPROXY settings
    GOTOOLCHAIN: "local",
    GOFLAGS: "-mod=mod",
    CGO_ENABLED: "0",
  };
  log(`building inngest v${version} from the Go module (first time only; about 5-10 minutes on 2 cores) ...`);
  const { stdout } = await run(go, ["mod", "download", "-json", `github.com/inngest/inngest@v${version}`], { env: goEnv, timeoutMs: 600_000 });
  const moduleDir = (JSON.parse(stdout) as { Dir?: string; Error?: string }).Dir;
  if (!moduleDir) throw new Error(`go mod download gave no directory: ${stdout.slice(0, 300)}`);

  const work = await mkdtemp(path.join(tmpdir(), "inngest-src-"));
  try {
    cpSync(moduleDir, work, { recursive: true });
    spawnSync("chmod", ["-R", "u+w", work]);
    rmSync(path.join(work, "vendor"), { recursive: true, force: true });
    const docs = path.join(work, "internal/embeddocs/website/pages/docs");
    mkdirSync(docs, { recursive: true });
    writeFileSync(path.join(docs, "placeholder.md"), "Docs are not bundled in this build.\n");
    const uiNote = path.join(path.dirname(target), uiMissingFile);
    rmSync(uiNote, { force: true });
    try {
      const started = Date.now();
      await buildDevServerUi(work);
      log(`built the Dev Server's web UI (${((Date.now() - started) / 1000).toFixed(0)}s)`);
    } catch (error) {
      // The server works without its pages (every API, the apps, the tests); say so and go on.
      const reason = error instanceof Error ? error.message : String(error);
      writeFileSync(uiNote, `${reason}\n`);
      log(`the Dev Server's web UI could not be built, so its pages stay blank (the API works): ${reason.split("\n")[0]}`);
    }
    const out = `${target}.partial`;
    // No -ldflags version stamp: an unstamped build sends no telemetry and skips update checks.
    await run(go, ["build", "-trimpath", "-o", out, "./cmd"], { cwd: work, env: goEnv, timeoutMs: 1_800_000, heartbeat: "still building" });
    chmodSync(out, 0o755);
    renameSync(out, target); // atomic: a parallel process never sees a half-written binary
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A cross-process lock: mkdir is atomic. A lock older than 40 minutes is a crashed build. */
async function acquireLock(lockDir: string): Promise<() => void> {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch {
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > 40 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      } catch {
        /* lock vanished: retry */
      }
      if (!announced) log("another process is providing the Inngest binary; waiting for it ...");
      announced = true;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
