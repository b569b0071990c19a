import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type WebRoute = {
  /** The route file, relative to the web app. */
  file: string;
  /** URL path with dynamic segments filled from `samples`, e.g. /api/events/reminder.scheduled. */
  path: string;
  /** Exported handlers that take a body (POST, PUT, PATCH, DELETE). */
  bodyMethods: string[];
};

const BODY_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

/**
 * Every route handler of the web app (`app/**\/route.ts`), read from its files so a new route is
 * covered without editing a test. Dynamic segments (`[event]`) take a value from `samples`; a
 * route with a segment that has none fails here, naming what to add.
 */
export function webRoutes(samples: Record<string, string>): WebRoute[] {
  const webRoot = path.dirname(createRequire(import.meta.url).resolve("@studio/web/package.json"));
  const appDir = path.join(webRoot, "app");
  const files = readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((f) => /(^|\/)route\.(ts|tsx|js)$/.test(f));
  return files.map((file) => {
    const segments = path.dirname(file).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s));
    const urlPath = segments.map((segment) => {
      const dynamic = /^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/.exec(segment);
      if (!dynamic) return segment;
      const sample = samples[dynamic[1]!];
      if (!sample) throw new Error(`web route app/${file} has the dynamic segment ${segment}: add a sample value for "${dynamic[1]}"`);
      return sample;
    });
    return { file: `app/${file}`, path: `/${urlPath.join("/")}`, bodyMethods: exportedMethods(readFileSync(path.join(appDir, file), "utf8")) };
  });
}

/** `export async function POST`, `export const POST =` and `export const { GET, POST } = ...`. */
function exportedMethods(source: string): string[] {
  const named = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)].map((m) => m[1]!);
  const destructured = [...source.matchAll(/export\s+const\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((n) => n.trim().split(/\s*:\s*/).pop()!));
  return [...new Set([...named, ...destructured])].filter((m) => BODY_METHODS.includes(m));
}
