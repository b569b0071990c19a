import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError } from "./config-error.ts";
import { parseEnv } from "./parse-env.ts";
import { studioEnvSchema } from "./studio-env.ts";

const KEY = "TygNy9ipo4R3TEVnzdRMV2TJuiG86BIoyjtvgPSx1R0=";
const HEX_KEY = "aa397bf884cc3c5cba127dab2e8a7f2a136ae9143bf94386df0d8227a00395ba";
const URL_SAFE_KEY = "wa0Ro-fRP3F-6CcfLnkGZYfsqA5IYgOzR66oNWOourk";
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
      STUDIO_ENCRYPTION_FALLBACK_KEYS: ` ${HEX_KEY} ,${URL_SAFE_KEY}`,
      SENTRY_DSN: "https://abc123@o12.ingest.sentry.io/4501",
      SENTRY_ENVIRONMENT: "staging",
    });
    expect(env.STUDIO_ENCRYPTION_KEY).toBe(KEY);
    expect(env.STUDIO_ENCRYPTION_FALLBACK_KEYS).toEqual([HEX_KEY, URL_SAFE_KEY]);
    expect(env.SENTRY_DSN).toBe("https://abc123@o12.ingest.sentry.io/4501");
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("treats empty variables as unset (SENTRY_DSN= in a .env file means off)", () => {
    const env = parse({ SENTRY_DSN: "", STUDIO_ENCRYPTION_KEY: "  ", STUDIO_ENCRYPTION_FALLBACK_KEYS: "" });
    expect(env.SENTRY_DSN).toBeUndefined();
    expect(env.STUDIO_ENCRYPTION_KEY).toBeUndefined();
    expect(env.STUDIO_ENCRYPTION_FALLBACK_KEYS).toBeUndefined();
  });

  it("accepts 32 random bytes as base64 (standard or URL-safe, padded or not) or hex", () => {
    for (const key of [KEY, KEY.slice(0, -1), HEX_KEY, HEX_KEY.toUpperCase(), URL_SAFE_KEY]) {
      expect(parse({ STUDIO_ENCRYPTION_KEY: key }).STUDIO_ENCRYPTION_KEY).toBe(key);
    }
  });

  it.each([
    ["a short password", "hunter2", "is not 32 random bytes in base64 (44 characters) or hex (64 characters); it has 7 characters"],
    ["32 characters of text (the old rule let it through)", "a".repeat(32), "is not 32 random bytes"],
    ["a passphrase of 44 characters", "correct-horse-battery-staple-and-more-words!", "is not 32 random bytes"],
    ["24 bytes of base64", "q2dWxm0cD8w1F3yq8Jk7m1a5rT9uLp2Z", "is not 32 random bytes"],
    ["48 bytes of base64", `${KEY.slice(0, -1)}${"AAAAAAAAAAAAAAAAAAAAA"}`, "is not 32 random bytes"],
    ["64 hex characters of one repeated byte", "a".repeat(64), "is not random"],
    ["a repeated hex pattern", "0123456789abcdef".repeat(4), "is not random"],
    ["base64 of a phrase", Buffer.from("The quick brown fox jumps over 1").toString("base64"), "is encoded text, not random bytes"],
  ])("rejects %s, naming the variable and the command that makes a key", (_what, key, why) => {
    const text = message({ STUDIO_ENCRYPTION_KEY: key });
    expect(text).toContain(`STUDIO_ENCRYPTION_KEY is invalid: ${why}`);
    expect(text).toContain("openssl rand -base64 32");
    expect(text).not.toContain(key); // the message never quotes the key
  });

  it("rejects a key with whitespace inside (two keys pasted together)", () => {
    expect(message({ STUDIO_ENCRYPTION_KEY: `${KEY} ${KEY}` })).toMatch(/STUDIO_ENCRYPTION_KEY is invalid: contains whitespace/);
  });

  it("rejects a malformed fallback key, naming its position", () => {
    expect(message({ STUDIO_ENCRYPTION_FALLBACK_KEYS: `${KEY},tiny` })).toMatch(
      /STUDIO_ENCRYPTION_FALLBACK_KEYS is invalid: entry 2 is not 32 random bytes/,
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
