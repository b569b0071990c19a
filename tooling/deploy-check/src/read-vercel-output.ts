import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { OutputRoute } from "./route-of.ts";

/** A function's `.vc-config.json` (Build Output API v3), the fields the deploy check reads. */
export interface VercelFunctionConfig {
  runtime?: string;
  handler?: string;
  launcherType?: string;
  maxDuration?: number;
  supportsResponseStreaming?: boolean;
  shouldAddHelpers?: boolean;
  useWebApi?: boolean;
  framework?: { slug?: string; version?: string };
  [key: string]: unknown;
}

export interface VercelFunction {
  /** The path it serves, from its folder name: `functions/api/inngest.func` → "api/inngest". */
  route: string;
  dir: string;
  config: VercelFunctionConfig;
}

export interface VercelOutput {
  config: { version: number; routes?: OutputRoute[]; framework?: { version?: string }; [key: string]: unknown };
  functions: VercelFunction[];
}

/** Reads a `.vercel/output` folder: its config.json and every function with its `.vc-config.json`. */
export function readVercelOutput(outputDir: string): VercelOutput {
  const config = JSON.parse(readFileSync(path.join(outputDir, "config.json"), "utf8")) as VercelOutput["config"];
  const functions: VercelFunction[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (!statSync(full).isDirectory()) continue;
      if (name.endsWith(".func")) {
        const route = path.relative(path.join(outputDir, "functions"), full).replace(/\.func$/, "");
        functions.push({ route, dir: full, config: JSON.parse(readFileSync(path.join(full, ".vc-config.json"), "utf8")) as VercelFunctionConfig });
      } else {
        walk(full);
      }
    }
  };
  walk(path.join(outputDir, "functions"));
  return { config, functions: functions.sort((a, b) => a.route.localeCompare(b.route)) };
}
