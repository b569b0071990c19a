import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The only place this package reads process.env.
const env = process.env;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export const toolingEnv = {
  repoRoot,
  /** Gitignored folder for downloaded or built tools (shared with the ./pnpm wrapper). */
  toolsDir: env.STUDIO_TOOLS_DIR || path.join(repoRoot, ".tools"),
  /** Use this Inngest binary instead of providing one (e.g. an existing `inngest` install). */
  inngestBin: env.STUDIO_INNGEST_BIN || undefined,
  /** Extra places Go may live when it is not on PATH. */
  goCandidates: [env.GOROOT ? path.join(env.GOROOT, "bin/go") : undefined, "/usr/local/go/bin/go", path.join(homedir(), "go/bin/go")].filter(
    (p): p is string => Boolean(p),
  ),
  /** A proxy npm may use to reach GitHub (then the reachability check is left to npm). */
  httpsProxy: env.HTTPS_PROXY || env.https_proxy || undefined,
  path: env.PATH ?? "",
  /** The Chromium that browser tests drive (Debian's package by default). */
  chromium: env.STUDIO_E2E_CHROMIUM || "/usr/bin/chromium",
  /** Keep the apps' and Dev Server's logs in the test output (default: only on failure). */
  verbose: env.STUDIO_E2E_VERBOSE === "1",
  /** Write what each stack's runs produced to test-results/evidence/ for `./pnpm verify` (default on; "0" turns it off). */
  evidence: env.STUDIO_E2E_EVIDENCE !== "0",
};

/** The process environment to pass on to child processes (apps started by tests). */
export function inheritedEnv(): Record<string, string | undefined> {
  return { ...env };
}
