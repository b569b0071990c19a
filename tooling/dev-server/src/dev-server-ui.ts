import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { inheritedEnv } from "./env.ts";
import { runWatched } from "./provision/run-watched.ts";
import { which } from "./run.ts";

/** Where the built UI must end up in a module copy for `go build` to embed it. */
export const UI_EMBED_DIR = "pkg/devserver/static";

export interface UiInstallOptions {
  /** The npm registry to install from (default: the user's pnpm configuration). */
  registry?: string;
  /** A pnpm store of its own (default: the user's store, so a second build downloads nothing). */
  storeDir?: string;
  /** Override the stall bound (tests). */
  idleMs?: number;
  attempts?: number;
  backoffMs?: number;
  log?: (line: string) => void;
}

/**
 * Builds the Dev Server's web UI from the module's `ui/` sources (a pnpm workspace) into `outDir`,
 * as the project's own release build does (`make build-ui`): the module ships the sources but not
 * their build, and without it the server's pages are blank. Three watched steps — install from
 * the npm registry, GraphQL code generation from the server's schema, vite build — about 40 s.
 */
export async function buildDevServerUi(moduleCopy: string, outDir: string, opts: UiInstallOptions = {}): Promise<void> {
  const workspace = path.join(moduleCopy, "ui");
  if (!existsSync(path.join(workspace, "pnpm-workspace.yaml"))) throw new Error(`the module has no UI workspace at ${workspace}`);
  const app = path.join(workspace, "apps/dev-server-ui");
  const bin = path.join(app, "node_modules/.bin");
  const env = uiBuildEnv(bin);

  await installUiDependencies(workspace, "@inngest/dev-server-ui...", opts);
  // `pnpm build` would also type-check; codegen + vite is all the embedded files need.
  await runWatched({
    step: "generate the Dev Server UI's GraphQL code",
    cmd: path.join(bin, "graphql-codegen"),
    args: ["--config", "codegen.ts"],
    cwd: app,
    env,
    timeoutMs: 300_000,
    attempts: 2,
    log: opts.log,
  });
  await runWatched({
    step: "build the Dev Server UI (vite)",
    cmd: path.join(bin, "vite"),
    args: ["build", "--mode=production"],
    cwd: app,
    env,
    timeoutMs: 600_000,
    attempts: 2,
    log: opts.log,
  });

  const dist = path.join(app, "dist");
  if (!existsSync(path.join(dist, "client/_shell.html"))) throw new Error("the UI build finished without dist/client/_shell.html");
  cpSync(dist, outDir, { recursive: true });
}

/**
 * `pnpm install` of (a filtered part of) a pnpm workspace, watched for stalls, with explicit
 * network timeouts and retries. Install scripts stay off (git hooks and binary downloads are not
 * needed to build), and the UI's packageManager pin is not enforced: it cannot be verified
 * offline, so the running pnpm installs.
 */
export async function installUiDependencies(workspace: string, filter: string, opts: UiInstallOptions = {}): Promise<void> {
  const pnpm = which("pnpm");
  if (!pnpm) throw new Error("pnpm is not on PATH (run through ./pnpm)");
  await runWatched({
    step: "install the Dev Server UI's dependencies",
    cmd: pnpm,
    args: [
      "install",
      "--frozen-lockfile",
      "--ignore-scripts",
      "--filter",
      filter,
      "--reporter=append-only",
      "--config.manage-package-manager-versions=false",
      "--config.fetch-timeout=60000",
      "--config.fetch-retries=2",
      ...(opts.registry ? [`--registry=${opts.registry}`] : []),
      ...(opts.storeDir ? [`--store-dir=${opts.storeDir}`] : []),
    ],
    cwd: workspace,
    env: uiBuildEnv(path.join(workspace, "node_modules/.bin")),
    timeoutMs: 900_000,
    idleMs: opts.idleMs,
    attempts: opts.attempts ?? 3,
    backoffMs: opts.backoffMs,
    log: opts.log,
  });
}

/**
 * The user's environment minus the settings of the pnpm that runs us (its script variables are
 * not the UI's); runWatched adds the network settings (registry, CA, proxy) back.
 */
function uiBuildEnv(bin: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(inheritedEnv())) {
    if (!/^(npm|pnpm)_/i.test(key)) env[key] = value;
  }
  env.PATH = [bin, env.PATH].filter(Boolean).join(path.delimiter);
  env.CI = "true"; // non-interactive install
  return env;
}
