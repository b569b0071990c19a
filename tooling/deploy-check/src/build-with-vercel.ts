import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { acquireOwnedLock, killGroup, spawnGroup } from "@studio/dev-server";
import { deployCheckEnv } from "./env.ts";
import { repoRoot, settingsFor } from "./vercel-project-settings.ts";

const require = createRequire(import.meta.url);

export interface VercelBuild {
  /** The app's folder (absolute). */
  appDir: string;
  /** `<appDir>/.vercel/output`: the Build Output API folder `vercel deploy --prebuilt` uploads. */
  outputDir: string;
  /** What `vercel build` printed. */
  log: string;
  /** How long the build took, in ms. */
  ms: number;
}

/**
 * Runs `vercel build` for one app, offline and without an account: `.vercel/project.json` is
 * written from the settings docs/deploy/vercel.md prescribes (the ids are placeholders; nothing
 * is sent to Vercel), then the pinned CLI builds in the app's folder, which is what Vercel does
 * after cloning the repository and entering the project's Root Directory. Builds of several apps
 * take turns (a lock): each runs the root install and a turbo build of the workspace. Bounded by
 * `timeoutMs`: a stalled build is killed with its whole process group.
 */
export async function buildWithVercel(rootDirectory: string, opts: { timeoutMs?: number; log?: (line: string) => void } = {}): Promise<VercelBuild> {
  const settings = settingsFor(rootDirectory);
  const appDir = path.join(repoRoot, rootDirectory);
  const vercelDir = path.join(appDir, ".vercel");
  rmSync(vercelDir, { recursive: true, force: true });
  mkdirSync(vercelDir, { recursive: true });
  writeFileSync(
    path.join(vercelDir, "project.json"),
    JSON.stringify({
      projectId: `prj_local_${settings.project}`,
      orgId: "team_local_deploy_check",
      settings: {
        framework: settings.framework,
        nodeVersion: settings.nodeVersion,
        // The CLI runs in the Root Directory already; vercel.json holds the install and build commands.
        rootDirectory: null,
        sourceFilesOutsideRootDirectory: settings.sourceFilesOutsideRootDirectory,
        installCommand: null,
        buildCommand: null,
        outputDirectory: null,
        devCommand: null,
      },
    }),
  );
  const cli = path.join(path.dirname(require.resolve("vercel/package.json")), "dist/index.js");
  const release = await acquireOwnedLock(path.join(repoRoot, "node_modules/.cache/studio-vercel-build.lock"), {
    what: `vercel build ${rootDirectory}`,
    log: opts.log ?? (() => {}),
  });
  const started = Date.now();
  try {
    const { child, logs } = spawnGroup(`vercel build (${rootDirectory})`, process.execPath, [cli, "build", "--yes"], {
      cwd: appDir,
      env: { ...deployCheckEnv.all(), VERCEL_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0", NO_COLOR: "1" },
      ...(opts.log ? { onLog: opts.log } : {}),
    });
    const timeoutMs = opts.timeoutMs ?? 600_000;
    const code = await new Promise<number | string>((resolve) => {
      const timer = setTimeout(() => {
        void killGroup(child, { graceMs: 0 });
        resolve(`killed after ${timeoutMs} ms`);
      }, timeoutMs);
      child.once("exit", (c, signal) => {
        clearTimeout(timer);
        resolve(c ?? String(signal));
      });
    });
    if (code !== 0) throw new Error(`vercel build in ${rootDirectory} failed (${code}):\n${logs().slice(-6000)}`);
    return { appDir, outputDir: path.join(vercelDir, "output"), log: logs(), ms: Date.now() - started };
  } finally {
    release();
  }
}
