import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The only place this package reads process.env.
const env = process.env;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Seconds from a variable, or the default when it is unset or not a positive number. */
function seconds(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
}

export const toolingEnv = {
  repoRoot,
  /** Gitignored folder for downloaded or built tools (shared with the ./pnpm wrapper). */
  toolsDir: env.STUDIO_TOOLS_DIR || path.join(repoRoot, ".tools"),
  /** Use this Inngest binary instead of providing one (e.g. an existing `inngest` install). */
  inngestBin: env.STUDIO_INNGEST_BIN || undefined,
  /**
   * Where provisioning may get the binary: "auto" (npm's inngest-cli when GitHub answers, else a
   * Go build), "npm" or "go" (only that way).
   */
  inngestSource: (["npm", "go"].includes(env.STUDIO_INNGEST_SOURCE ?? "") ? env.STUDIO_INNGEST_SOURCE : "auto") as "auto" | "npm" | "go",
  /** The Go to build the Inngest binary with, when it is not the one on PATH. */
  go: env.STUDIO_GO || undefined,
  /** Extra places Go may live when it is not on PATH. */
  goCandidates: [env.GOROOT ? path.join(env.GOROOT, "bin/go") : undefined, "/usr/local/go/bin/go", path.join(homedir(), "go/bin/go")].filter(
    (p): p is string => Boolean(p),
  ),
  /** A proxy npm may use to reach GitHub (then the reachability check is left to npm). */
  httpsProxy: env.HTTPS_PROXY || env.https_proxy || undefined,
  /**
   * Provisioning: a step with no output and no CPU or I/O progress for this long is stuck (killed
   * and retried). 120 s: the longest quiet stretch measured in a healthy build was under 40 s.
   */
  provisionIdleMs: seconds(env.STUDIO_PROVISION_IDLE_SECONDS, 120) * 1000,
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

/**
 * What reaching the network needs: proxies, private certificate authorities, registry settings.
 * Every child the tooling starts gets these, even one started with an otherwise clean
 * environment, and turbo.json passes them through to every task (its strict env mode would drop
 * them, and pnpm behind a TLS-inspecting proxy then hangs instead of failing). Keep the two lists
 * in step: network-env.test.ts checks, through a real turbo run, that a child started by the
 * tooling sees each of them.
 */
export const NETWORK_ENV = [
  "NODE_EXTRA_CA_CERTS",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "HTTP_PROXY",
  "http_proxy",
  "HTTPS_PROXY",
  "https_proxy",
  "NO_PROXY",
  "no_proxy",
  "ALL_PROXY",
  "all_proxy",
  ...["registry", "cafile", "strict_ssl", "proxy", "https_proxy", "noproxy"].flatMap((s) => [`npm_config_${s}`, `NPM_CONFIG_${s.toUpperCase()}`]),
  "GOPROXY",
  "GONOPROXY",
  "GOPRIVATE",
  "GONOSUMDB",
  "GOSUMDB",
  "GOINSECURE",
] as const;

/** The network settings of this process's environment (see NETWORK_ENV). */
export function networkEnv(): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of NETWORK_ENV) {
    const value = env[key];
    if (value) picked[key] = value;
  }
  return picked;
}
