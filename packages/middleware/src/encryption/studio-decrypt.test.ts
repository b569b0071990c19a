import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { StudioEncryptionService } from "./studio-encryption-service.ts";

const BIN = fileURLToPath(new URL("../../bin/studio-decrypt.ts", import.meta.url));
const KEY = "/pRdxfP6iFllFB9etwLwDKd2cK7cz1kB5Kq4PowrSPI=";
const OLD = "3Zy/LsHU9YkziQqihbddJXYWNUFsDwo0El7m6T6Zf7U=";

const seal = async (value: unknown, key = KEY) => ({
  __ENCRYPTED__: true,
  __STRATEGY__: "inngest/libsodium",
  data: await new StudioEncryptionService([key]).encrypt(value),
});

/** Runs the real command with Node (type stripping), a clean environment and optional stdin. */
function decrypt(args: string[], { env = {}, stdin }: { env?: Record<string, string>; stdin?: string } = {}) {
  const res = spawnSync(process.execPath, [BIN, ...args], { env, input: stdin, encoding: "utf8" });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe("studio-decrypt", () => {
  it("decrypts a single value given as an argument, key from the environment", async () => {
    const out = decrypt([JSON.stringify(await seal({ email: "jane@example.com" }))], { env: { STUDIO_ENCRYPTION_KEY: KEY } });
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ email: "jane@example.com" });
  });

  it("decrypts every value inside a whole run output read from stdin, with an old key as fallback", async () => {
    const run = { data: { run_id: "r-1", status: "Completed", output: await seal({ total: 42 }), steps: [await seal("a", OLD), "plain"] } };
    const out = decrypt(["--key", KEY, "--fallback-key", OLD], { stdin: JSON.stringify(run) });
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ data: { run_id: "r-1", status: "Completed", output: { total: 42 }, steps: ["a", "plain"] } });
  });

  it("reads fallback keys from STUDIO_ENCRYPTION_FALLBACK_KEYS, and outputs stored as JSON strings", async () => {
    const out = decrypt(["-"], {
      env: { STUDIO_ENCRYPTION_KEY: KEY, STUDIO_ENCRYPTION_FALLBACK_KEYS: `other-key-xxxxxxxxxxxxxxxxxxxxxxxxxxxx,${OLD}` },
      stdin: JSON.stringify({ output: JSON.stringify(await seal([1, 2], OLD)) }),
    });
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ output: [1, 2] });
  });

  it("fails with exit 1 and a clear message when the key is wrong", async () => {
    const out = decrypt(["--key", "wrong-key-0123456789abcdefghijklmnopq", JSON.stringify(await seal("x"))]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("none of the configured encryption keys opens it");
    expect(out.stdout).toBe("");
  });

  it("explains what is missing: no key, bad JSON", () => {
    expect(decrypt(["{}"])).toMatchObject({ code: 2, stderr: expect.stringContaining("no key: set STUDIO_ENCRYPTION_KEY") as unknown });
    expect(decrypt(["--key", KEY, "{not json"])).toMatchObject({ code: 2, stderr: expect.stringContaining("the input is not JSON") as unknown });
  });

  it("passes JSON without encrypted values through, with a note", () => {
    const out = decrypt(["--key", KEY, '{"a":1}']);
    expect(out).toMatchObject({ code: 0, stderr: expect.stringContaining("no encrypted values found") as unknown });
    expect(JSON.parse(out.stdout)).toEqual({ a: 1 });
  });
});
