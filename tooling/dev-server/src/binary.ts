import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { toolingEnv } from "./env.ts";
import { INNGEST_VERSION } from "./versions.ts";

/**
 * Revision of how the binary is provided, part of the cache folder's name: bumping it replaces
 * binaries cached by an older recipe (r2: Go builds embed the web UI; r3: a binary without its
 * UI is kept apart, never as the finished product).
 */
const RECIPE = "r3";

/** The cache layout, one folder per version and recipe (so a bump rebuilds). */
export function cachePaths(version = INNGEST_VERSION) {
  const dir = path.join(toolingEnv.toolsDir, `inngest-v${version}-${RECIPE}`);
  return {
    dir,
    /** The finished product: the server with its web UI embedded. */
    binary: path.join(dir, "inngest"),
    /** A build whose UI step failed: usable (every API works), retried by the next provisioning. */
    noUiBinary: path.join(dir, "inngest-no-ui"),
    /** Why noUiBinary has no UI. */
    uiMissing: path.join(dir, "ui-missing.txt"),
    /** The built web UI, cached apart so that a retry after a failed Go build does not redo it. */
    ui: path.join(toolingEnv.toolsDir, `inngest-ui-v${version}`),
    lock: `${dir}.lock`,
    /** Scratch space of the provisioning run holding the lock (cleared when the lock is taken). */
    work: path.join(toolingEnv.toolsDir, "build"),
  };
}

/** Thrown when a test or the launcher needs the binary before anything provided it. */
export class NotProvisionedError extends Error {
  constructor(version: string) {
    super(
      `The Inngest Dev Server v${version} has not been provided on this machine yet. ` +
        `Run \`./pnpm provision\` (\`./pnpm test\` and \`./pnpm dev\` do this first), or set STUDIO_INNGEST_BIN to an inngest v${version} binary.`,
    );
    this.name = "NotProvisionedError";
  }
}

/**
 * The path of the provided `inngest` binary. It never builds anything — provisioning is a step
 * of its own (`./pnpm provision`, see provision-inngest.ts), so no test hook waits on a compile:
 * without a binary this throws NotProvisionedError at once. A build without its web UI is used
 * only while there is no complete one (missingUiReason says why it lacks the UI).
 */
export function ensureInngestBinary(version = INNGEST_VERSION): Promise<string> {
  if (toolingEnv.inngestBin) {
    if (!existsSync(toolingEnv.inngestBin)) return Promise.reject(new Error(`STUDIO_INNGEST_BIN points to ${toolingEnv.inngestBin}, which does not exist.`));
    return Promise.resolve(toolingEnv.inngestBin);
  }
  const paths = cachePaths(version);
  if (existsSync(paths.binary)) return Promise.resolve(paths.binary);
  if (existsSync(paths.noUiBinary)) return Promise.resolve(paths.noUiBinary);
  return Promise.reject(new NotProvisionedError(version));
}

/** Why `binary` has no web UI, when it is a build whose UI step failed. */
export function missingUiReason(binary: string, version = INNGEST_VERSION): string | undefined {
  const paths = cachePaths(version);
  if (binary !== paths.noUiBinary) return undefined;
  return existsSync(paths.uiMissing) ? readFileSync(paths.uiMissing, "utf8").trim() : "its UI build failed (the reason was not recorded)";
}
