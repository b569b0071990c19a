import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runWatched, StepFailedError } from "./run-watched.ts";

const node = process.execPath;
const quiet = () => {};
let scratch: string | undefined;
afterEach(() => {
  vi.unstubAllEnvs();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("runWatched", () => {
  it("kills a command that prints nothing and does nothing, retries it, and reports every try", async () => {
    scratch = mkdtempSync(path.join(tmpdir(), "watched-"));
    const pids = path.join(scratch, "pids");
    // Like pnpm behind a TLS proxy it does not trust: alive, silent, idle, forever.
    const script = `require("fs").appendFileSync(${JSON.stringify(pids)}, process.pid + "\\n"); console.log("resolving 1642 packages"); setInterval(() => {}, 1e6);`;
    const started = Date.now();
    const error = await runWatched({ step: "install a thing", cmd: node, args: ["-e", script], idleMs: 1500, timeoutMs: 60_000, attempts: 2, backoffMs: 100, log: quiet }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StepFailedError);
    const failed = error as StepFailedError;
    expect(failed.tries.map((t) => t.outcome)).toEqual(["stalled", "stalled"]);
    expect(failed.message).toContain("Could not install a thing: 2 tries");
    expect(failed.message).toContain("no output and no CPU or I/O progress for 2 s");
    expect(failed.message).toContain("resolving 1642 packages"); // the last output
    expect(Date.now() - started).toBeLessThan(15_000);
    const spawned = readFileSync(pids, "utf8").trim().split("\n").map(Number);
    expect(spawned).toHaveLength(2);
    for (const pid of spawned) expect(alive(pid), `pid ${pid} still running`).toBe(false);
  });

  it("lets a silent command that is busy on the CPU run on (a compile prints little)", async () => {
    const script = `const end = Date.now() + 3000; while (Date.now() < end) {} console.log("built");`;
    const { stdout } = await runWatched({ step: "compile", cmd: node, args: ["-e", script], idleMs: 1500, timeoutMs: 60_000, attempts: 1, log: quiet });
    expect(stdout.trim()).toBe("built");
  });

  it("retries a command that fails and succeeds the second time", async () => {
    scratch = mkdtempSync(path.join(tmpdir(), "watched-"));
    const marker = path.join(scratch, "tried");
    const script = `const fs = require("fs"); if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ""); console.error("ECONNRESET"); process.exit(1); } console.log("ok");`;
    const lines: string[] = [];
    const { stdout } = await runWatched({ step: "download", cmd: node, args: ["-e", script], timeoutMs: 30_000, attempts: 3, backoffMs: 50, log: (l) => lines.push(l) });
    expect(stdout.trim()).toBe("ok");
    expect(lines.join("\n")).toMatch(/download: failed after \d+ s \(node -e .* exited with code 1\)/);
    expect(lines.join("\n")).toContain("download: try 2 of 3");
  });

  it("stops a command at its time limit even while it keeps printing", async () => {
    const script = `setInterval(() => console.log("still going"), 100);`;
    const error = (await runWatched({ step: "spin", cmd: node, args: ["-e", script], idleMs: 60_000, timeoutMs: 1500, attempts: 1, log: quiet }).catch((e: unknown) => e)) as StepFailedError;
    expect(error.tries).toEqual([expect.objectContaining({ outcome: "timed out" })]);
  });

  it("names a command that cannot be started", async () => {
    const error = (await runWatched({ step: "run go", cmd: "/nonexistent/go", args: [], timeoutMs: 5000, attempts: 1, log: quiet }).catch((e: unknown) => e)) as StepFailedError;
    expect(error.message).toContain("could not start go");
  });

  it("gives the child the network settings even when its environment is otherwise empty", async () => {
    vi.stubEnv("NODE_EXTRA_CA_CERTS", "/etc/corporate-ca.pem");
    vi.stubEnv("HTTPS_PROXY", "http://proxy.internal:3128");
    const script = `console.log(JSON.stringify([process.env.NODE_EXTRA_CA_CERTS, process.env.HTTPS_PROXY, process.env.HOME ?? null]))`;
    const { stdout } = await runWatched({ step: "probe", cmd: node, args: ["-e", script], env: {}, timeoutMs: 10_000, attempts: 1, log: quiet });
    expect(JSON.parse(stdout)).toEqual(["/etc/corporate-ca.pem", "http://proxy.internal:3128", null]);
  });
});
