import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError } from "./config-error.ts";
import { parseEnv } from "./parse-env.ts";
import { studioEnvSchema } from "./studio-env.ts";

const KEY = "k".repeat(32);
const parse = (env: Record<string, string | undefined>) => parseEnv("test-app", studioEnvSchema, env);
const message = (env: Record<string, string | undefined>) => {
  try {
    parse(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
};

describe("studioEnvSchema", () => {
  it("accepts a complete, valid environment", () => {
    const env = parse({
      INNGEST_DEV: "1",
      STUDIO_ENCRYPTION_KEY: KEY,
      STUDIO_ENCRYPTION_FALLBACK_KEYS: ` ${"a".repeat(40)} ,${"b".repeat(32)}`,
      SENTRY_DSN: "https://abc123@o12.ingest.sentry.io/4501",
      SENTRY_ENVIRONMENT: "staging",
    });
    expect(env.STUDIO_ENCRYPTION_KEY).toBe(KEY);
    expect(env.STUDIO_ENCRYPTION_FALLBACK_KEYS).toEqual(["a".repeat(40), "b".repeat(32)]);
    expect(env.SENTRY_DSN).toBe("https://abc123@o12.ingest.sentry.io/4501");
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("treats empty variables as unset (SENTRY_DSN= in a .env file means off)", () => {
    const env = parse({ SENTRY_DSN: "", STUDIO_ENCRYPTION_KEY: "  ", STUDIO_ENCRYPTION_FALLBACK_KEYS: "" });
    expect(env.SENTRY_DSN).toBeUndefined();
    expect(env.STUDIO_ENCRYPTION_KEY).toBeUndefined();
    expect(env.STUDIO_ENCRYPTION_FALLBACK_KEYS).toBeUndefined();
  });

  it("rejects a key shorter than 32 characters, naming the variable and how to generate one", () => {
    const text = message({ STUDIO_ENCRYPTION_KEY: "short-key" });
    expect(text).toContain("STUDIO_ENCRYPTION_KEY is invalid");
    expect(text).toContain("too short (9 characters; at least 32");
    expect(text).toContain("openssl rand -base64 32");
  });

  it("rejects a key with whitespace inside (two keys pasted together)", () => {
    expect(message({ STUDIO_ENCRYPTION_KEY: `${KEY} ${KEY}` })).toMatch(/STUDIO_ENCRYPTION_KEY is invalid: contains whitespace/);
  });

  it("rejects a malformed fallback key, naming its position", () => {
    expect(message({ STUDIO_ENCRYPTION_FALLBACK_KEYS: `${KEY},tiny` })).toMatch(
      /STUDIO_ENCRYPTION_FALLBACK_KEYS is invalid: entry 2 is too short/,
    );
  });

  it.each([
    ["not a url", "is not a URL"],
    ["ftp://k@o1.ingest.sentry.io/1", "must start with https://"],
    ["https://o1.ingest.sentry.io/1", "has no public key"],
    ["https://k@o1.ingest.sentry.io/project", "numeric project id"],
  ])("rejects the bad DSN %s", (dsn, why) => {
    const text = message({ SENTRY_DSN: dsn });
    expect(text).toContain("SENTRY_DSN is invalid");
    expect(text).toContain(why);
  });

  it("reports every bad variable in one message", () => {
    const text = message({ STUDIO_ENCRYPTION_KEY: "x", SENTRY_DSN: "nope", LOG_LEVEL: "loud" });
    expect(text.split("\n").filter((l) => l.startsWith("  - "))).toHaveLength(3);
  });

  it("can be extended by an app (no refinements at object level)", () => {
    const appSchema = studioEnvSchema.extend({ PORT: z.coerce.number().default(3001) });
    expect(parseEnv("worker", appSchema, { INNGEST_DEV: "1" }).PORT).toBe(3001);
  });
});
