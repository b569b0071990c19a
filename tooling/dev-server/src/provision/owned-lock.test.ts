import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { processStartTime } from "../process-state.ts";
import { acquireOwnedLock } from "./owned-lock.ts";

let scratch: string;
afterEach(() => rmSync(scratch, { recursive: true, force: true }));
const lockIn = () => {
  scratch = mkdtempSync(path.join(tmpdir(), "lock-"));
  return path.join(scratch, "inngest.lock");
};

/** A separate process that takes the lock and holds it until it is killed. */
async function holder(lock: string) {
  const module = JSON.stringify(new URL("./owned-lock.ts", import.meta.url).href);
  const script = `const { acquireOwnedLock } = await import(${module});
    await acquireOwnedLock(${JSON.stringify(lock)}, { what: "a build", log: () => {} });
    console.log("locked"); setInterval(() => {}, 1e6);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  return child;
}

describe("acquireOwnedLock", () => {
  it("takes over at once the lock of a holder that was SIGKILLed", async () => {
    const lock = lockIn();
    const child = await holder(lock);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));

    const lines: string[] = [];
    const started = Date.now();
    const release = await acquireOwnedLock(lock, { what: "a build", log: (l) => lines.push(l) });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(lines).toContain(`took over the lock of pid ${child.pid} (a build), which is no longer running`);
    release();
  });

  it("waits while the holder runs, and gets the lock when it is released", async () => {
    const lock = lockIn();
    const child = await holder(lock);
    let acquired = false;
    const pending = acquireOwnedLock(lock, { what: "a build", log: () => {}, pollMs: 100 }).then((release) => {
      acquired = true;
      return release;
    });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(acquired).toBe(false);
    child.kill("SIGKILL");
    const release = await pending;
    expect(acquired).toBe(true);
    release();
  });

  it("does not mistake a reused pid for the holder (the start time differs)", async () => {
    const lock = lockIn();
    mkdirSync(lock);
    // Our own pid is certainly running, but this record says it started at another time.
    const stale = { pid: process.pid, started: "1", host: hostname(), since: new Date().toISOString(), what: "a build" };
    writeFileSync(path.join(lock, "owner.json"), JSON.stringify(stale));
    expect(processStartTime("self")).not.toBe("1");
    const lines: string[] = [];
    const release = await acquireOwnedLock(lock, { what: "a build", log: (l) => lines.push(l) });
    expect(lines).toContain(`took over the lock of pid ${process.pid} (a build), which is no longer running`);
    release();
  });
});
