import { mkdirSync } from "node:fs";
import path from "node:path";
import { createFile, insertBeforeClose } from "./edit.ts";
import { appName } from "./names.ts";

export interface AppAnswers {
  /** One lower-case word: `billing` → apps/billing, @studio/billing, Inngest app id studio-billing. */
  name: string;
  /** Local port of `./pnpm dev` and `serve` (the others use 3000-3002). */
  port: string;
}

/**
 * Writes a new Hono-based Inngest app (docs/adding-an-app.md), laid out like apps/ai: env.ts,
 * the Studio client, the serve app, Node and Vercel entries, a `ping` function with its test, a
 * failure reporter and a test runner for functions added later by the function generator, and
 * the app's id in the contract (`appIds`). Returns the files written or changed.
 */
export function addApp(root: string, answers: AppAnswers): string[] {
  const name = appName(answers.name);
  if (!/^\d{4,5}$/.test(answers.port)) throw new Error(`port "${answers.port}" must be a number such as 3003`);
  const dir = `apps/${name}`;
  const files: Record<string, string> = {
    "package.json": `${JSON.stringify(
      {
        name: `@studio/${name}`,
        version: "0.1.0",
        private: true,
        type: "module",
        scripts: {
          dev: "node --env-file=.env.development --env-file-if-exists=.env --watch src/node.ts",
          start: "node dist/node.js",
          build: "tsup",
          typecheck: "tsgo --noEmit",
          lint: "eslint .",
          test: "vitest run",
          serve: "node src/node.ts",
        },
        dependencies: {
          "@hono/node-server": "catalog:",
          "@studio/events": "workspace:*",
          "@studio/middleware": "workspace:*",
          hono: "catalog:",
          inngest: "catalog:",
          zod: "catalog:",
        },
        devDependencies: {
          "@inngest/test": "catalog:",
          "@studio/eslint-config": "workspace:*",
          "@studio/tsconfig": "workspace:*",
          "@studio/tsup-config": "workspace:*",
          "@studio/vitest-config": "workspace:*",
          "@types/node": "catalog:",
          "@typescript/native-preview": "catalog:",
          eslint: "catalog:",
          tsup: "catalog:",
          typescript: "catalog:",
          vitest: "catalog:",
        },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `{\n  "extends": "@studio/tsconfig/node.json",\n  "include": ["src", "*.ts"]\n}\n`,
    "eslint.config.js": `export { default } from "@studio/eslint-config";\n`,
    "vitest.config.ts": `import { defineConfig } from "vitest/config";
import { unitConfig } from "@studio/vitest-config";

export default defineConfig(unitConfig({ test: { env: { INNGEST_DEV: "1", LOG_LEVEL: "silent" } } }));
`,
    "tsup.config.ts": `import { honoAppBundle } from "@studio/tsup-config";\n\nexport default honoAppBundle();\n`,
    "vercel.json": `${JSON.stringify(
      {
        $schema: "https://openapi.vercel.sh/vercel.json",
        framework: "hono",
        installCommand: "cd ../.. && pnpm install --frozen-lockfile",
        buildCommand: `cd ../.. && pnpm turbo run build --filter=@studio/${name}`,
      },
      null,
      2,
    )}\n`,
    ".env.development": `# Local defaults for \`pnpm dev\` (no accounts or keys). Override in .env (gitignored).\nINNGEST_DEV=http://127.0.0.1:8288\nPORT=${answers.port}\n`,
    ".env.example": `# The ${name} app's settings. Copy to .env (gitignored); docs/configuration.md explains each.\n# INNGEST_DEV=1\n# INNGEST_SIGNING_KEY=\n# INNGEST_EVENT_KEY=\n# STUDIO_ENCRYPTION_KEY=\n# SENTRY_DSN=\n# PORT=${answers.port}\n`,
    "src/env.ts": `import { z } from "zod";
import { parseEnv, studioEnvSchema, varWithDefault } from "@studio/middleware";

/** The ${name} app's configuration: the shared Studio client settings plus where it listens. */
export const env = parseEnv(
  "${name}",
  studioEnvSchema.extend({
    PORT: varWithDefault(z.coerce.number().int().min(1).max(65535), "${answers.port}"),
    HOST: varWithDefault(z.string(), "127.0.0.1"),
  }),
  process.env,
);
`,
    "src/client.ts": `import { appIds } from "@studio/events";
import { createStudioClient } from "@studio/middleware";
import { env } from "./env.ts";

export const inngest = createStudioClient({ id: appIds.${name}, env });
`,
    "src/app.ts": `import { createInngestHonoApp } from "@studio/middleware/hono";
import { inngest } from "./client.ts";
import { functions } from "./functions/index.ts";

/** The app's HTTP surface: /api/inngest (GET/PUT/POST) and /health. */
export const app = createInngestHonoApp({ client: inngest, functions });
`,
    "src/index.ts": `// Vercel entry: the Hono preset serves this default export as a function.
import { app } from "./app.ts";

export default app;
`,
    "src/node.ts": `// Local and container entry: a Node HTTP server on HOST:PORT.
import { runNodeServer } from "@studio/middleware/node-server";

await runNodeServer(async () => {
  const [{ app }, { inngest }, { env }] = await Promise.all([import("./app.ts"), import("./client.ts"), import("./env.ts")]);
  return { app, client: inngest, port: env.PORT, host: env.HOST };
});
`,
    "src/functions/index.ts": `import { ping } from "./ping.ts";

/** Every function this app serves. */
export const functions = [ping];
`,
    "src/functions/ping.ts": `import { diagnosticsPinged } from "@studio/events";
import { inngest } from "../client.ts";

/**
 * Smoke check: answers studio/diagnostics.pinged with this app's id, proving the app is
 * registered and receives events. No flow control: it does nothing but reply.
 *
 * Applies:
 * - docs/research/inngest/inngest-apps.md#every-app-must-be-synced-before-its-events-matter (what a ping proves)
 */
export const ping = inngest.createFunction(
  { id: "ping", name: "Diagnostics: ping", triggers: [diagnosticsPinged], retries: 0 },
  ({ event }) => ({ app: inngest.id, pingId: event.data.pingId }),
);
`,
    "src/functions/ping.test.ts": `import { describe, expect, it } from "vitest";
import { executeFunction } from "../testing/execute-function.ts";
import { ping } from "./ping.ts";

describe("ping", () => {
  it("answers with this app's id and the ping id", async () => {
    const { result, error } = await executeFunction(ping, { events: [{ name: "studio/diagnostics.pinged", data: { pingId: "p1" } }] });
    expect(error).toBeUndefined();
    expect(result).toEqual({ app: "studio-${name}", pingId: "p1" });
  });
});
`,
    "src/failures/report-failure.ts": `import { automationFailed } from "@studio/events";
import type { Context, FailureEventArgs } from "inngest";

/**
 * The onFailure handler of this app's functions: one studio/automation.failed per failed run.
 *
 * Applies:
 * - docs/research/inngest/failure-handlers.md#the-original-event-is-one-level-down (reading the trigger)
 */
export async function reportFailure({ event, error, step }: FailureEventArgs & { step: Context.Any["step"] }) {
  const original = event.data.event as { name?: string; id?: string } | undefined;
  await step.sendEvent(
    "report-failure",
    automationFailed.create({
      app: "studio-${name}",
      functionId: event.data.function_id.replace(/^studio-${name}-/, ""),
      runId: event.data.run_id,
      trigger: { name: original?.name ?? "unknown", ...(original?.id ? { id: original.id } : {}) },
      error: { name: error.name || "Error", message: error.message.slice(0, 4000) },
      compensated: false,
    }),
  );
}
`,
    "src/testing/execute-function.ts": `import { DEV_ONLY_ENCRYPTION_KEY, decryptAll } from "@studio/middleware";
import { createTestEngine, type TestEngineOptions } from "@studio/middleware/testing";
import { type EventPayload, type InngestFunction } from "inngest";

/** Runs a function once in the shared test engine and returns its result decrypted (dev-only key). */
export async function executeFunction(fn: InngestFunction.Like, options: TestEngineOptions & { events: [EventPayload, ...EventPayload[]] }) {
  const { result, error, ctx } = await createTestEngine(fn, options).execute();
  return { result: await decryptAll(result, [DEV_ONLY_ENCRYPTION_KEY]), error, ctx };
}
`,
  };
  const written: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(root, dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    createFile(target, text);
    written.push(`${dir}/${file}`);
  }
  insertBeforeClose(path.join(root, "packages/events/src/apps.ts"), /^export const appIds = \{/, "} as const;", `  ${name}: "studio-${name}",`);
  written.push("packages/events/src/apps.ts");
  return written;
}
