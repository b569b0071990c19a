import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.ts";
import {
  APPS,
  devServerApi,
  ensureInngestBinary,
  eventually,
  freePort,
  missingUiReason,
  reapOrphans,
  startApp,
  startDevServer,
  startStack,
  type Stack,
} from "./index.ts";

// The plumbing of the whole system: three real app processes, a real Dev Server, real events.
describe("the local system", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      apps: ["web", "worker", "ai"],
      // Its own Next output folder, so this suite can run while `pnpm dev` (or another suite) is up.
      env: { web: { STUDIO_NEXT_DIST_DIR: ".next/e2e-system" } },
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("registers every app with the Dev Server", async () => {
    const slugs = (await stack.api.functions()).map((f) => f.slug);
    for (const { appId } of Object.values(APPS)) expect(slugs).toContain(`${appId}-ping`);
    const apps = await stack.api.apps();
    for (const { appId } of Object.values(APPS)) {
      expect(apps.find((a) => a.name === appId)).toMatchObject({ connected: true, error: null });
    }
  });

  it("lists every function of every app in the Dev Server's own web UI, as `pnpm dev` users see it", async () => {
    // A binary built from the Go module embeds the UI only if its build worked: name why not.
    expect(missingUiReason(await ensureInngestBinary()), "the Dev Server binary was built without its web UI").toBeUndefined();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 2400 } });
      await page.goto(`${stack.devServer.url}/functions`);
      const functions = await stack.api.functions();
      expect(functions.length).toBeGreaterThan(10);
      const rows = page.locator("tr");
      for (const fn of functions) {
        const app = Object.values(APPS).find(({ appId }) => fn.slug.startsWith(`${appId}-`))?.appId;
        expect(app, `the app of ${fn.slug}`).toBeDefined();
        await rows.filter({ hasText: fn.name }).filter({ hasText: app }).first().waitFor({ timeout: 30_000 });
      }
    } finally {
      await browser.close();
    }
  });

  it("runs a function in each app for one event and sees every run complete", async () => {
    const pingId = randomUUID();
    const [eventId] = await stack.api.send({ name: "studio/diagnostics.pinged", data: { pingId } });
    const runs = await stack.api.waitForRuns(eventId!, { count: 3, timeoutMs: 60_000 });
    expect(runs.map((r) => r.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
    const slugs = await Promise.all(runs.map((r) => stack.api.functionOf(r.run_id)));
    expect(slugs.sort()).toEqual(Object.values(APPS).map((a) => `${a.appId}-ping`).sort());
    // Every app's client encrypts function results (the shared middleware stack): what the
    // server stores is ciphertext, and the ping id does not appear in it.
    for (const run of runs) {
      const { data } = await stack.api.output(run.run_id);
      expect(data).toMatchObject({ __ENCRYPTED__: true });
      expect(JSON.stringify(data)).not.toContain(pingId);
    }
  });
});

describe("the Dev Server launcher", () => {
  it("fails loudly, naming the port, when the port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(startDevServer({ port })).rejects.toThrow(`Port ${port} (Inngest Dev Server) is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("asks an app the server has not synced to register, until it has", async () => {
    // A server given no app URL never pings the worker: only waitForApps' own PUT can sync it.
    const server = await startDevServer();
    const worker = await startApp("worker", { port: await freePort(), env: { INNGEST_DEV: server.url } });
    try {
      const api = devServerApi(server.url);
      await expect(api.waitForApps(["studio-worker"], 2_000)).rejects.toThrow(/functions seen: none; missing: studio-worker/);
      await api.waitForApps(["studio-worker"], { timeoutMs: 30_000, resync: { "studio-worker": worker.serveUrl }, resyncEveryMs: 500 });
      expect((await api.apps()).map((a) => a.name)).toEqual(["studio-worker"]);
    } finally {
      await worker.stop();
      await server.stop();
    }
  });

  it("stops without leaving a process behind", async () => {
    const server = await startDevServer();
    const pid = server.process.pid!;
    await server.stop();
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it("stops a server left behind by a test runner that was killed outright", async () => {
    // A separate runner starts a Dev Server, then dies by SIGKILL: none of its cleanup can run.
    const script = `const { startDevServer } = await import(${JSON.stringify(new URL("./index.ts", import.meta.url).href)});
      const server = await startDevServer(); console.log(server.process.pid); setInterval(() => {}, 1000);`;
    const runner = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const orphan = await new Promise<number>((resolve) => runner.stdout.once("data", (d: Buffer) => resolve(Number(d.toString().trim()))));
    runner.kill("SIGKILL");
    await new Promise((r) => runner.once("exit", r));
    expect(() => process.kill(orphan, 0)).not.toThrow(); // still running, orphaned

    expect(reapOrphans()).toEqual([`Inngest Dev Server (group ${orphan})`]);
    const exited = () => {
      try {
        process.kill(orphan, 0);
        return false;
      } catch {
        return true;
      }
    };
    await eventually("the orphaned server to exit", () => Promise.resolve(exited()), 10_000);
  });
});
