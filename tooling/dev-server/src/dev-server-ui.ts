import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { inheritedEnv } from "./env.ts";
import { run, which } from "./run.ts";

/**
 * Builds the Dev Server's web UI into `pkg/devserver/static` of a writable copy of the Go module,
 * where `go build` embeds it, as the project's own release build does (`make build-ui`). The UI's
 * sources ship in the module (`ui/`, a pnpm workspace) but its built files do not, so without this
 * step the server's API works and its pages are blank. About 40 s: install from the npm registry,
 * GraphQL code generation from the server's schema, vite build.
 */
export async function buildDevServerUi(moduleCopy: string): Promise<void> {
  const pnpm = which("pnpm");
  if (!pnpm) throw new Error("pnpm is not on PATH (run through ./pnpm)");
  const workspace = path.join(moduleCopy, "ui");
  const app = path.join(workspace, "apps/dev-server-ui");
  const bin = path.join(app, "node_modules/.bin");
  const env = uiBuildEnv(bin);

  // Its packageManager pin cannot be verified offline (no registry signature), so the running
  // pnpm installs; its install scripts (git hooks, binary downloads) are not needed to build.
  await run(
    pnpm,
    ["install", "--frozen-lockfile", "--ignore-scripts", "--filter", "@inngest/dev-server-ui...", "--config.manage-package-manager-versions=false"],
    { cwd: workspace, env, timeoutMs: 900_000, heartbeat: "still installing the Dev Server UI's dependencies" },
  );
  // `pnpm build` would also type-check; codegen + vite is all the embedded files need.
  await run(path.join(bin, "graphql-codegen"), ["--config", "codegen.ts"], { cwd: app, env, timeoutMs: 300_000 });
  await run(path.join(bin, "vite"), ["build", "--mode=production"], { cwd: app, env, timeoutMs: 600_000, heartbeat: "still building the Dev Server UI" });

  const dist = path.join(app, "dist");
  if (!existsSync(path.join(dist, "client/_shell.html"))) throw new Error("the UI build finished without dist/client/_shell.html");
  cpSync(dist, path.join(moduleCopy, "pkg/devserver/static"), { recursive: true });
}

/** The user's environment minus the settings of the pnpm that runs us (they are not the UI's). */
function uiBuildEnv(bin: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(inheritedEnv())) {
    if (!/^(npm|pnpm)_/i.test(key)) env[key] = value;
  }
  env.PATH = [bin, env.PATH].filter(Boolean).join(path.delimiter);
  env.CI = "true"; // non-interactive install
  return env;
}
