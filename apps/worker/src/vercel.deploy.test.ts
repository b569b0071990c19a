import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildWithVercel, readVercelOutput, routeOf, serveVercelFunction, type VercelFunction, type VercelOutput } from "@studio/deploy-check";
import { deploymentEnvFor, devServerApi, freePort, startSelfHostedEngine, type SelfHostedEngine } from "@studio/dev-server";
import { diagnosticsPinged } from "@studio/events";
import { decryptAll } from "@studio/middleware";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDuration } from "./config/duration.ts";
import { inngest } from "./client.ts";
import { env } from "./env.ts";
import { checkpointing } from "./function-limits.ts";

// `vercel build` of the worker, offline, with the project settings docs/deploy/vercel.md
// prescribes; then the built function is checked and served on its own (docs/deploy/vercel.md,
// "The deploy check").
let output: VercelOutput;
let fn: VercelFunction;

beforeAll(async () => {
  const build = await buildWithVercel("apps/worker");
  output = readVercelOutput(build.outputDir);
  fn = output.functions[0]!;
});

describe("the worker's Vercel build", () => {
  it("takes server.js as the Hono entry: one function, serving every /api path, built from the self-contained bundle", () => {
    expect(output.functions.map((f) => f.route)).toEqual(["index"]);
    expect(fn.config).toMatchObject({ handler: "apps/worker/server.js", launcherType: "Nodejs", framework: { slug: "hono" } });
    expect(routeOf(output.config.routes ?? [], "/api/inngest")).toEqual({ dest: "/" });
    // Only /api is public on Vercel: /health (for local tooling and containers) answers 404 there.
    expect(routeOf(output.config.routes ?? [], "/health")?.status).toBe(404);
    // The bundle, not the sources: no workspace package's TypeScript is shipped (it could not run).
    expect(existsSync(path.join(fn.dir, "apps/worker/dist/index.js"))).toBe(true);
    expect(existsSync(path.join(fn.dir, "packages"))).toBe(false);
  });

  it("sets maxDuration, and checkpointing maxRuntime plus the longest outside call stays below it", () => {
    expect(fn.config.maxDuration).toBe(60);
    // The client really runs with it (its options are private: read here, in a test only).
    expect((inngest as unknown as { options: { checkpointing?: unknown } }).options.checkpointing).toEqual(checkpointing);
    expect(parseDuration(checkpointing.maxRuntime)!.ms + env.OUTSIDE_CALL_TIMEOUT.ms).toBeLessThan(fn.config.maxDuration! * 1000);
  });

  describe("served from a copy outside the repository, in cloud mode against a self-hosted engine", () => {
    let engine: SelfHostedEngine;
    let served: Awaited<ReturnType<typeof serveVercelFunction>>;
    const keys = { signingKey: randomBytes(32).toString("hex"), eventKey: randomBytes(16).toString("hex"), encryptionKey: randomBytes(32).toString("base64") };

    beforeAll(async () => {
      // The function needs the engine's URL and the engine the function's: the port comes first.
      const enginePort = await freePort();
      served = await serveVercelFunction(fn.dir, {
        env: {
          ...deploymentEnvFor(`http://127.0.0.1:${enginePort}`, keys),
          // What Vercel sets in a production deployment; the outside services are never called by ping.
          VERCEL: "1",
          VERCEL_ENV: "production",
          NODE_ENV: "production",
          LOG_LEVEL: "warn",
          WEBHOOK_URL: "http://127.0.0.1:9/webhook",
          EMAIL_API_URL: "http://127.0.0.1:9/email",
          RENDITION_URL: "http://127.0.0.1:9/rendition",
        },
        readyPath: "/health",
      });
      // The engine syncs the function itself (a PUT signed with its signing key), as docs/deploy/self-hosting.md sets it up.
      engine = await startSelfHostedEngine({ port: enginePort, signingKey: keys.signingKey, eventKeys: [keys.eventKey], sdkUrls: [`${served.url}/api/inngest`] });
    });

    afterAll(async () => {
      await engine?.stop();
      await served?.stop();
    });

    it("refuses unsigned requests: an execution and a sync", async () => {
      const run = await fetch(`${served.url}/api/inngest?fnId=studio-worker-ping&stepId=step`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
      expect(run.status).toBe(401);
      const sync = await fetch(`${served.url}/api/inngest`, { method: "PUT" });
      expect(sync.status).toBe(401);
    });

    it("answers the engine's signed PUT /api/inngest (the sync), then runs a signed request to completion", async () => {
      const api = devServerApi(engine.url, { eventKey: keys.eventKey, signingKey: keys.signingKey });
      await api.waitForApps(["studio-worker"]);
      const pingId = `ping_${randomUUID()}`;
      const [eventId] = await api.send(diagnosticsPinged.create({ pingId }));
      const [run] = await api.waitForRuns(eventId!);
      expect(run!.status).toBe("COMPLETED");
      const { data } = await api.output(run!.run_id);
      expect(await decryptAll(data, [keys.encryptionKey])).toEqual({ app: "studio-worker", pingId });
    });
  });
});
