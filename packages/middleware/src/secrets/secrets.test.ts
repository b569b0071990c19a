import { NonRetriableError } from "inngest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { optionalVar } from "../config/blank-as-unset.ts";
import { parseEnv } from "../config/parse-env.ts";
import { studioEnvSchema } from "../config/studio-env.ts";
import { LEAK_CHANNELS, memorySentryTransport, plantSecretsAndScan } from "../testing/index.ts";
import { scrubError } from "./scrub-error.ts";
import { secret, secretFieldNames } from "./secret.ts";
import { declaredSecretValues } from "./secret-registry.ts";
import { secretReplacer } from "./secret-replacer.ts";

const sentry = memorySentryTransport();

describe("secrets declared in the env schema", () => {
  it("are listed by name, through extend() and refinements", () => {
    const schema = studioEnvSchema
      .extend({ PARTNER_TOKEN: secret(optionalVar(z.string())), PARTNER_URL: optionalVar(z.url()) })
      .superRefine(() => undefined);
    expect(secretFieldNames(schema).sort()).toEqual([
      "INNGEST_EVENT_KEY",
      "INNGEST_SIGNING_KEY",
      "INNGEST_SIGNING_KEY_FALLBACK",
      "PARTNER_TOKEN",
      "SENTRY_DSN",
      "STUDIO_ENCRYPTION_FALLBACK_KEYS",
      "STUDIO_ENCRYPTION_KEY",
    ]);
  });

  it("have their values recorded by parseEnv for the whole process (not the other variables')", () => {
    const schema = studioEnvSchema.extend({ PARTNER_TOKEN: secret(optionalVar(z.string())), PARTNER_ID: optionalVar(z.string()) });
    parseEnv("app", schema, { PARTNER_TOKEN: "partner-token-7f3e91", PARTNER_ID: "partner-id-public" });
    expect(declaredSecretValues()).toContain("partner-token-7f3e91");
    expect(declaredSecretValues()).not.toContain("partner-id-public");
  });

  it("are scrubbed from everything a client sends out: logs, Sentry, run errors, outputs, events", async () => {
    const schema = studioEnvSchema.extend({ PARTNER_TOKEN: secret(optionalVar(z.string())) });
    const report = await plantSecretsAndScan({ app: "mw-secrets", schema, env: {}, sentry });
    expect(Object.keys(report.planted)).toContain("PARTNER_TOKEN");
    expect(Object.keys(report.planted)).toHaveLength(7);
    expect(report.blind).toEqual([]);
    expect(report.leaks).toEqual([]);
  });

  it("would see a leak in every channel: a variable not declared secret is found everywhere", async () => {
    const schema = studioEnvSchema.extend({ PARTNER_TOKEN: secret(optionalVar(z.string())), PARTNER_NOTE: optionalVar(z.string()) });
    const report = await plantSecretsAndScan({ app: "mw-undeclared", schema, env: {}, undeclared: ["PARTNER_NOTE"], sentry });
    expect(report.leaks).toEqual(LEAK_CHANNELS.map((channel) => `PARTNER_NOTE in ${channel}`));
  });
});

describe("scrubError", () => {
  const replace = secretReplacer(["tok-1234567890", "key-abcdefghij"]);

  it("scrubs message, stack and causes in place, keeping the class", () => {
    const error = new NonRetriableError("bad tok-1234567890", { cause: new Error("because key-abcdefghij", { cause: "tok-1234567890" }) });
    const same = scrubError(error, replace);
    expect(same).toBe(error);
    expect(same).toBeInstanceOf(NonRetriableError);
    expect(error.message).toBe("bad [redacted]");
    expect(error.stack).not.toContain("tok-1234567890");
    expect((error.cause as Error).message).toBe("because [redacted]");
    expect((error.cause as Error).cause).toBe("[redacted]");
  });

  it("also replaces JSON-escaped and URL-encoded forms", () => {
    const quoted = secretReplacer(['p"w/+d=secret']);
    expect(quoted(JSON.stringify({ a: 'p"w/+d=secret' }))).toBe('{"a":"[redacted]"}');
    expect(quoted(`https://x.example/?k=${encodeURIComponent('p"w/+d=secret')}`)).toBe("https://x.example/?k=[redacted]");
  });
});
