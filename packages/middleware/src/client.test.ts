import { describe, expect, expectTypeOf, it } from "vitest";
import { createStudioClient, getStudioLogger } from "./client.ts";
import { ConfigError } from "./config/config-error.ts";
import { inngestEnvSchema } from "./config/inngest-env.ts";
import { parseEnv } from "./config/parse-env.ts";
import { decryptAll } from "./encryption/decrypt-all.ts";
import { DEV_ONLY_ENCRYPTION_KEY } from "./encryption/dev-encryption-key.ts";
import { keyFingerprint } from "./encryption/key-fingerprint.ts";
import { collectLogLines, createTestEngine, testEnv, TEST_ENCRYPTION_KEY } from "./testing/index.ts";

const cloud = { INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef", INNGEST_EVENT_KEY: "event-key-prod", LOG_LEVEL: "info" as const };

function startupError(build: () => unknown): string {
  try {
    build();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected createStudioClient to throw a ConfigError");
}

describe("createStudioClient: configuration errors stop the app at start-up", () => {
  it("requires STUDIO_ENCRYPTION_KEY in cloud mode, saying how to make one", () => {
    const text = startupError(() => createStudioClient({ id: "app", env: cloud }));
    expect(text).toContain("[app] STUDIO_ENCRYPTION_KEY is not set, and it is required in cloud mode");
    expect(text).toContain("openssl rand -base64 32");
  });

  it("requires INNGEST_SIGNING_KEY in cloud mode", () => {
    expect(startupError(() => createStudioClient({ id: "app", env: { LOG_LEVEL: "info" } }))).toContain("INNGEST_SIGNING_KEY is not set");
  });

  it("requires INNGEST_EVENT_KEY in cloud mode", () => {
    const text = startupError(() => createStudioClient({ id: "app", env: { INNGEST_SIGNING_KEY: cloud.INNGEST_SIGNING_KEY, LOG_LEVEL: "info" } }));
    expect(text).toContain("[app] INNGEST_EVENT_KEY is not set, and it is required in cloud mode");
  });

  it("refuses the public dev-only key in cloud mode, as the key and as a fallback key", () => {
    const text = startupError(() => createStudioClient({ id: "app", env: { ...cloud, STUDIO_ENCRYPTION_KEY: DEV_ONLY_ENCRYPTION_KEY } }));
    expect(text).toContain("STUDIO_ENCRYPTION_KEY is the public dev-only key");
    const env = { ...cloud, STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, STUDIO_ENCRYPTION_FALLBACK_KEYS: [DEV_ONLY_ENCRYPTION_KEY] };
    expect(startupError(() => createStudioClient({ id: "app", env }))).toContain("STUDIO_ENCRYPTION_FALLBACK_KEYS entry 1 is the public dev-only key");
  });

  it("checks a malformed key even when the app parsed only inngestEnvSchema", () => {
    const env = { ...parseEnv("app", inngestEnvSchema, { INNGEST_DEV: "1" }), STUDIO_ENCRYPTION_KEY: "a".repeat(44) };
    expect(startupError(() => createStudioClient({ id: "app", env }))).toContain("STUDIO_ENCRYPTION_KEY is not 32 random bytes");
  });

  it("checks malformed fallback keys", () => {
    const text = startupError(() =>
      createStudioClient({ id: "app", env: testEnv({ STUDIO_ENCRYPTION_FALLBACK_KEYS: [TEST_ENCRYPTION_KEY, "x y"] }) }),
    );
    expect(text).toContain("STUDIO_ENCRYPTION_FALLBACK_KEYS entry 2");
  });

  it("builds a cloud client when everything is set, logging key fingerprints (never keys)", () => {
    const logs = collectLogLines();
    const old = "ETMI+2pw+zT9WZFaLRfWjSbL6MfDl0dPdAaGITpd4kw=";
    const client = createStudioClient({
      id: "app",
      env: { ...cloud, STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, STUDIO_ENCRYPTION_FALLBACK_KEYS: [old] },
      logDestination: logs.destination,
    });
    expect(client.mode).toBe("cloud");
    expect(client.id).toBe("app");
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({
        msg: "Studio Inngest client ready",
        mode: "cloud",
        keyFingerprint: keyFingerprint(TEST_ENCRYPTION_KEY),
        fallbackKeyFingerprints: [keyFingerprint(old)],
        sentry: "off",
      }),
    );
    expect(logs.text()).not.toContain(TEST_ENCRYPTION_KEY);
    expect(logs.text()).not.toContain(old);
  });
});

describe("createStudioClient: dev mode in a deployed app", () => {
  const devEnv = testEnv();
  it.each([
    [{ VERCEL_ENV: "production" }, "VERCEL_ENV=production"],
    [{ VERCEL_ENV: "preview" }, "VERCEL_ENV=preview"],
    [{ NODE_ENV: "production" }, "NODE_ENV=production"],
    [{ AWS_LAMBDA_FUNCTION_NAME: "studio-worker" }, "AWS_LAMBDA_FUNCTION_NAME=studio-worker"],
    [{ K_SERVICE: "studio-ai" }, "K_SERVICE=studio-ai"],
  ])("is refused at start-up when %o says the app is deployed", (deployment, named) => {
    const text = startupError(() => createStudioClient({ id: "app", env: { ...devEnv, ...deployment } }));
    expect(text).toContain(`[app] INNGEST_DEV is set, but this app runs deployed (${named})`);
    expect(text).toContain("STUDIO_UNSAFE_ALLOW_DEV_MODE=1");
  });

  it("is not refused on a developer machine (vercel dev, tests, NODE_ENV=development)", () => {
    for (const local of [{}, { VERCEL_ENV: "development" }, { NODE_ENV: "development" }, { NODE_ENV: "test" }]) {
      expect(createStudioClient({ id: "app", env: { ...devEnv, ...local }, logDestination: collectLogLines().destination }).mode).toBe("dev");
    }
  });

  it("runs with the explicit override, logging a loud error line at every start", () => {
    const logs = collectLogLines();
    const env = { ...devEnv, NODE_ENV: "production", STUDIO_UNSAFE_ALLOW_DEV_MODE: true };
    expect(createStudioClient({ id: "app", env, logDestination: logs.destination }).mode).toBe("dev");
    const errors = logs.lines().filter((l) => l["level"] === 50);
    expect(errors).toEqual([expect.objectContaining({ deployed: "NODE_ENV=production", msg: expect.stringContaining("UNSAFE: dev mode in a deployed app") as unknown })]);
  });

  it("still refuses the public dev-only key there, as the key, as a fallback and by default", () => {
    const unsafe = { INNGEST_DEV: "1", LOG_LEVEL: "info" as const, VERCEL_ENV: "preview", STUDIO_UNSAFE_ALLOW_DEV_MODE: true };
    expect(startupError(() => createStudioClient({ id: "app", env: unsafe }))).toContain(
      "STUDIO_ENCRYPTION_KEY is not set, and it is required in cloud mode and in a deployed app",
    );
    expect(startupError(() => createStudioClient({ id: "app", env: { ...unsafe, STUDIO_ENCRYPTION_KEY: DEV_ONLY_ENCRYPTION_KEY } }))).toContain(
      "STUDIO_ENCRYPTION_KEY is the public dev-only key",
    );
    const fallback = { ...unsafe, STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, STUDIO_ENCRYPTION_FALLBACK_KEYS: [DEV_ONLY_ENCRYPTION_KEY] };
    expect(startupError(() => createStudioClient({ id: "app", env: fallback }))).toContain("STUDIO_ENCRYPTION_FALLBACK_KEYS entry 1 is the public dev-only key");
  });
});

describe("createStudioClient: dev mode", () => {
  it("uses the built-in dev-only key without STUDIO_ENCRYPTION_KEY and warns once", () => {
    const logs = collectLogLines();
    const client = createStudioClient({ id: "app", env: { INNGEST_DEV: "1", LOG_LEVEL: "info" }, logDestination: logs.destination });
    expect(client.mode).toBe("dev");
    const warnings = logs.lines().filter((l) => l["level"] === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ appId: "app", keyFingerprint: keyFingerprint(DEV_ONLY_ENCRYPTION_KEY) });
    expect(warnings[0]?.["msg"]).toContain("DEV-ONLY encryption key");
  });

  it("keeps working for an app whose env.ts still uses inngestEnvSchema", () => {
    const env = parseEnv("worker", inngestEnvSchema, { INNGEST_DEV: "http://127.0.0.1:8288" });
    const client = createStudioClient({ id: "worker", env, logDestination: collectLogLines().destination });
    expect(client.mode).toBe("dev");
  });

  it("exposes the root logger for lines outside runs", () => {
    const logs = collectLogLines();
    const client = createStudioClient({ id: "app", env: testEnv(), logDestination: logs.destination });
    getStudioLogger(client).info("listening");
    expect(logs.lines().at(-1)).toMatchObject({ appId: "app", msg: "listening" });
  });
});

describe("createStudioClient: services", () => {
  it("hands the services to every function, typed", async () => {
    const email = { send: (to: string) => Promise.resolve(`sent to ${to}`) };
    const client = createStudioClient({ id: "app", env: testEnv(), services: { email }, logDestination: collectLogLines().destination });
    const fn = client.createFunction({ id: "notify", triggers: { event: "t/notify" } }, async ({ email: injected, step }) => {
      expectTypeOf(injected).toEqualTypeOf<typeof email>();
      return step.run("send", () => injected.send("someone"));
    });
    const { result } = await createTestEngine(fn, { events: [{ name: "t/notify", data: {} }], steps: {} }).execute();
    // The function result leaves encrypted; decrypted, it is what the injected service returned.
    expect(result).toMatchObject({ __ENCRYPTED__: true });
    expect(await decryptAll(result, [TEST_ENCRYPTION_KEY])).toBe("sent to someone");
  });
});
