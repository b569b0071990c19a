// Serves one built Vercel function (a `.func` folder of `vercel build`'s output) on
// 127.0.0.1:<port>, calling its handler as the platform's Node.js runtime does: the module named
// by `.vc-config.json` `handler`, with web-API exports (`GET`, `POST`, `PUT`, … or a default
// `{ fetch }`) given a Request each. Usage: node serve-function.ts <func-dir> <port>
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";

const [funcDir, port] = process.argv.slice(2);
if (!funcDir || !port) throw new Error("usage: serve-function.ts <func-dir> <port>");
const config = JSON.parse(readFileSync(path.join(funcDir, ".vc-config.json"), "utf8")) as { handler: string; launcherType?: string };
if (config.launcherType !== "Nodejs") throw new Error(`${funcDir}: launcherType ${config.launcherType}, only Nodejs functions are served here`);
const mod = (await import(pathToFileURL(path.join(funcDir, config.handler)).href)) as Record<string, unknown> & { default?: unknown };

type Handler = (request: Request) => Response | Promise<Response>;
const byMethod = (method: string): Handler | undefined => {
  const named = mod[method] ?? (mod.default as Record<string, unknown> | undefined)?.[method];
  if (typeof named === "function") return named as Handler;
  const app = mod.default as { fetch?: Handler } | undefined;
  return typeof app?.fetch === "function" ? (req) => app.fetch!(req) : undefined;
};

serve({ port: Number(port), hostname: "127.0.0.1", fetch: (request) => {
  const handler = byMethod(request.method);
  return handler ? handler(request) : new Response(`the function exports no ${request.method} handler`, { status: 405 });
} }, () => console.log(`serving ${funcDir} (${config.handler}) on 127.0.0.1:${port}`));
