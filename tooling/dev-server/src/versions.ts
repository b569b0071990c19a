/**
 * The Inngest Dev Server version this repo is tested against. The Go module proxy serves this
 * tag, and npm's inngest-cli publishes the same version, so both sources give the same server.
 * Bump it here only: the cache is keyed by it.
 */
export const INNGEST_VERSION = "1.44.0";

/** Default local ports (`pnpm dev`). Tests pick free ports instead. */
export const DEFAULT_PORTS = {
  devServer: 8288,
  web: 3000,
  worker: 3001,
  ai: 3002,
} as const;
