import path from "node:path";
import type { NextConfig } from "next";
import { nextEnv } from "./config/env.ts";

const config: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: ["@studio/events", "@studio/middleware"],
  // Loaded by Node at run time, not bundled: PGlite reads its WebAssembly and data files from its
  // own package folder, and node-postgres has optional native bindings.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
  outputFileTracingRoot: path.resolve(import.meta.dirname, "../.."),
  distDir: nextEnv.distDir,
  typedRoutes: true,
  // The floating dev badge covers page content in screenshots of the operator UI.
  devIndicators: false,
  // forbidden() / unauthorized(): pages and server actions answer 403 / 401 (src/auth/).
  experimental: { authInterrupts: true },
};

export default config;
