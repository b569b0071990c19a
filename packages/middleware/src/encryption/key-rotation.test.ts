import { isEncryptedValue } from "@inngest/middleware-encryption";
import { serve } from "inngest/edge";
import { describe, expect, it } from "vitest";
import { createStudioClient, type StudioClientEnv } from "../client.ts";
import { collectLogLines, createTestEngine, runThroughServeHandler, testEnv } from "../testing/index.ts";
import { decryptAll } from "./decrypt-all.ts";
import { StudioEncryptionService } from "./studio-encryption-service.ts";

const OLD = "TygNy9ipo4R3TEVnzdRMV2TJuiG86BIoyjtvgPSx1R0=";
const NEW = "wa0Ro+fRP3F+6CcfLnkGZYfsqA5IYgOzR66oNWOourk=";

/** The deploy states of the runbook (docs/runbooks/key-rotation.md). */
const phases: Record<string, Partial<StudioClientEnv>> = {
  before: { STUDIO_ENCRYPTION_KEY: OLD },
  addNew: { STUDIO_ENCRYPTION_KEY: OLD, STUDIO_ENCRYPTION_FALLBACK_KEYS: [NEW] }, // 1. new key as fallback everywhere
  switch: { STUDIO_ENCRYPTION_KEY: NEW, STUDIO_ENCRYPTION_FALLBACK_KEYS: [OLD] }, // 2. encrypt with new, old as fallback
  removeOld: { STUDIO_ENCRYPTION_KEY: NEW }, // 3. once no run holds old-key data
};
type Phase = "before" | "addNew" | "switch" | "removeOld";

const STEPS = 6;

/** One app instance in a given phase, serving a run whose every step reads all earlier outputs. */
function instance(phase: Phase) {
  const logs = collectLogLines();
  const client = createStudioClient({ id: "rot", env: testEnv(phases[phase]), logDestination: logs.destination });
  const fn = client.createFunction({ id: "long-run", triggers: { event: "t/long" }, retries: 1 }, async ({ step }) => {
    const outputs: { i: number; secret: string }[] = [];
    for (let i = 0; i < STEPS; i++) {
      const seen = outputs.map((o) => o.secret).join(",");
      outputs.push(await step.run(`s${i}`, () => ({ i, secret: `v${i}`, seen })));
    }
    return outputs.map((o) => o.secret);
  });
  return { handler: serve({ client, functions: [fn] }), logs };
}

/** Runs one run, request n being served by an instance in phase plan[n] (the last entry repeats). */
function runAcross(plan: Phase[]) {
  const instances = Object.fromEntries(Object.keys(phases).map((p) => [p, instance(p as Phase)])) as Record<Phase, ReturnType<typeof instance>>;
  const run = runThroughServeHandler({
    functionSlug: "rot-long-run",
    event: { name: "t/long", data: {} },
    maxAttempts: 2,
    handler: (req, n) => instances[plan[Math.min(n, plan.length - 1)]!].handler(req),
  });
  return { run, instances };
}

describe("key rotation (old key as fallback → new key → remove old)", () => {
  it("keeps a run readable while it lives through a rolling deploy of every phase", async () => {
    // 7 requests: one per step, then the final one. Rolling deploys mix neighbouring phases.
    const { run } = runAcross(["before", "addNew", "before", "addNew", "switch", "addNew", "switch"]);
    const done = await run;
    expect(done.status).toBe("Completed");
    expect(await decryptAll(done.output, [NEW, OLD])).toEqual(["v0", "v1", "v2", "v3", "v4", "v5"]);

    // What is stored: steps written before the switch are under the old key, after it the new.
    const stored = Object.values(done.steps).map((s) => ("data" in s ? s.data : undefined));
    expect(stored.every(isEncryptedValue)).toBe(true);
    const opens = async (value: unknown, key: string) =>
      decryptAll(value, [key]).then(
        () => true,
        () => false,
      );
    expect(await Promise.all(stored.map((v) => opens(v, OLD)))).toEqual([true, true, true, true, false, true]);
    expect(await Promise.all(stored.map((v) => opens(v, NEW)))).toEqual([false, false, false, false, true, false]);
  });

  it("reads the data of a run started before the switch once the old key is only a fallback", async () => {
    const done = await runAcross(["before", "before", "before", "switch"]).run;
    expect(done.status).toBe("Completed");
  });

  it("runs entirely under the new key once the old one is removed", async () => {
    const done = await runAcross(["removeOld"]).run;
    expect(done.status).toBe("Completed");
    expect(await decryptAll(done.output, [NEW])).toHaveLength(STEPS);
  });

  it("fails with a clear error if the old key is removed while a run still holds old-key data", async () => {
    const { run, instances } = runAcross(["before", "before", "removeOld"]);
    const done = await run;
    expect(done.status).toBe("Failed");
    expect(done.output).toMatchObject({ name: "DecryptionError" });
    const message = (done.output as { message: string }).message;
    expect(message).toContain("none of the configured encryption keys opens it");
    expect(message).toContain("STUDIO_ENCRYPTION_FALLBACK_KEYS");
    // Both attempts answered (no hang), and the failure is in the log with the run's ids.
    expect(done.responses.map((r) => r.status)).toEqual([206, 206, 500, 400]);
    expect(instances.removeOld.logs.lines()).toContainEqual(
      expect.objectContaining({ level: 50, functionId: "long-run", runId: done.runId, msg: "cannot decrypt the run's event or stored step data" }),
    );
  });

  it("shows why step 1 exists: an instance without the new key cannot read what a switched one wrote", async () => {
    const done = await runAcross(["switch", "before"]).run;
    expect(done.status).toBe("Failed");
    expect(done.output).toMatchObject({ name: "DecryptionError" });
  });
});

describe("key rotation through @inngest/test", () => {
  it("decrypts stored data written under the old key when the old key is a fallback", async () => {
    const written = { __ENCRYPTED__: true, __STRATEGY__: "inngest/libsodium", data: await new StudioEncryptionService([OLD]).encrypt({ secret: "v0" }) };
    const client = createStudioClient({ id: "rot", env: testEnv(phases.switch), logDestination: collectLogLines().destination });
    const fn = client.createFunction({ id: "reader", triggers: { event: "t/read" } }, async ({ step }) => {
      const first = await step.run("first", () => ({ secret: "never runs: memoized" }));
      return step.run("second", () => `read ${first.secret}`);
    });
    const { result, error } = await createTestEngine(fn, { events: [{ name: "t/read", data: {} }], steps: { first: written } }).execute();
    expect(error).toBeUndefined();
    expect(await decryptAll(result, [NEW])).toBe("read v0");
  });

  it("fails with a clear error when event data was encrypted with a key the app does not have", async () => {
    const sealed = { __ENCRYPTED__: true, __STRATEGY__: "inngest/libsodium", data: await new StudioEncryptionService([OLD]).encrypt({ email: "a@b.co" }) };
    const client = createStudioClient({ id: "rot", env: testEnv(phases.removeOld), logDestination: collectLogLines().destination });
    const fn = client.createFunction({ id: "reader", triggers: { event: "t/read" } }, ({ event }) => event.data);
    const { error } = await createTestEngine(fn, { events: [{ name: "t/read", data: { encrypted: sealed } }] }).execute();
    expect(error).toMatchObject({ name: "DecryptionError", message: expect.stringContaining("none of the configured encryption keys opens it") as unknown });
  });
});
